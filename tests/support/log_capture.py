"""Every log record of the process, at DEBUG, formatted as the server would write it."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from api.logging_setup import RequestIdFilter

ALWAYS = ("", "strawberry", "strawberry.execution", "uvicorn", "uvicorn.error", "uvicorn.access")


@contextmanager
def every_log_line(formatter: logging.Formatter | None = None) -> Iterator[io.StringIO]:
    """All loggers (root, strawberry's, uvicorn's, minqing's, tortoise's …) at DEBUG into one
    stream, tracebacks included; levels and handlers are restored afterwards."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.DEBUG)
    handler.setFormatter(formatter or logging.Formatter("%(levelname)s %(name)s %(message)s"))
    handler.addFilter(RequestIdFilter())
    manager = logging.root.manager
    names = {*ALWAYS, *(n for n, v in manager.loggerDict.items() if isinstance(v, logging.Logger))}
    loggers = [logging.getLogger(name) for name in sorted(names)]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    added = []
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
        if logger is logging.root or not logger.propagate:
            logger.addHandler(handler)
            added.append(logger)
    try:
        yield stream
    finally:
        for logger in added:
            logger.removeHandler(handler)
        for logger, level, disabled in saved:
            logger.setLevel(level)
            logger.disabled = disabled

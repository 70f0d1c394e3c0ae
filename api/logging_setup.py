"""Log lines: text for a terminal or one JSON object a line (``MINQING_LOG_FORMAT``), each with
the request id of the request that wrote it; uvicorn's access log without query strings.

What a line may hold is decided where it is written (``schema/masking.py``): an operation's
name, its document's hash, the request id and error codes, never a document's source, its
variables or a request's headers. A query string is a GET request's document and variables,
so the access log prints only the path."""

from __future__ import annotations

import logging
import logging.config
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson

from api.settings import LogFormat, Settings

# Set by the GraphQL view for the request it serves; "-" outside any request.
REQUEST_ID: ContextVar[str] = ContextVar("minqing_request_id", default="-")

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
UVICORN_LOGGERS = ("uvicorn", "uvicorn.error", "uvicorn.access")


class RequestIdFilter(logging.Filter):
    """Gives every record the ``request_id`` of the request being served."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = REQUEST_ID.get()
        return True


class WithoutQueryString(logging.Filter):
    """Cuts the query string off the path in uvicorn's access lines (a GET query's document
    and variables, passwords included, travel there)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 5 and isinstance(args[2], str):
            record.args = (args[0], args[1], args[2].partition("?")[0], args[3], args[4])
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, request_id (and traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", REQUEST_ID.get()),
        }
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return orjson.dumps(entry, default=str).decode()


def formatter(log_format: LogFormat) -> logging.Formatter:
    if log_format is LogFormat.JSON:
        return JsonFormatter()
    return logging.Formatter(TEXT_FORMAT)


def logging_config(settings: Settings, level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for the process: the app's loggers and uvicorn's."""
    chosen = (
        {"()": JsonFormatter} if settings.log_format is LogFormat.JSON else {"format": TEXT_FORMAT}
    )
    stderr = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}
    stdout = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {"()": RequestIdFilter},
            "without_query": {"()": WithoutQueryString},
        },
        # uvicorn sets use_colors on "default" and "access" when asked to: both exist.
        "formatters": {"default": chosen, "access": chosen},
        "handlers": {
            "default": {**stderr, "formatter": "default", "filters": ["request_id"]},
            # The access log on stdout, where uvicorn's own configuration writes it.
            "access": {
                **stdout,
                "formatter": "access",
                "filters": ["request_id", "without_query"],
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level, "propagate": False},
            "uvicorn.error": {"level": level},
            "uvicorn.access": {"handlers": ["access"], "level": level, "propagate": False},
        },
        "root": {"handlers": ["default"], "level": level},
    }


def adopt_logging(settings: Settings) -> None:
    """Bring a process started by plain ``uvicorn api.asgi:app`` to the same lines: uvicorn
    has configured its loggers (levels, ``--no-access-log``) before it imports the app, so
    its handlers keep their levels and get our formatter and filters; the root logger gets a
    handler when it has none."""
    shape = formatter(settings.log_format)
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
        root.setLevel(logging.INFO)
    handlers: list[logging.Handler] = [*root.handlers]
    for name in UVICORN_LOGGERS:
        handlers += logging.getLogger(name).handlers
    access = logging.getLogger("uvicorn.access")
    for handler in handlers:
        handler.setFormatter(shape)
        _add_filter(handler, RequestIdFilter)
    for handler in access.handlers:
        _add_filter(handler, WithoutQueryString)
    _add_filter(access, WithoutQueryString)  # also when its records propagate elsewhere


def _add_filter(target: logging.Filterer, kind: type[logging.Filter]) -> None:
    if not any(isinstance(f, kind) for f in target.filters):
        target.addFilter(kind())

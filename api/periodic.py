"""The sweep as a periodic task inside the server (``MINQING_SWEEP_INTERVAL_SECONDS`` > 0)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from api.metrics import record_sweep
from domain.case_sweep import sweep

log = logging.getLogger("minqing.sweep")


async def sweep_forever(interval_seconds: float) -> None:
    """Sweep, then sleep; a failed sweep is logged and retried at the next tick."""
    while True:
        try:
            report = await sweep()
            record_sweep(report)
            if report.total:
                log.info("sweep marked %s step(s)", report.total)
        except Exception:  # the loop must outlive a bad tick
            log.exception("sweep failed")
            record_sweep(None)
        await asyncio.sleep(interval_seconds)


@asynccontextmanager
async def periodic_sweep(interval_seconds: int) -> AsyncIterator[asyncio.Task[None] | None]:
    """Run ``sweep_forever`` for the lifetime of the block (nothing when the interval is 0)."""
    if interval_seconds <= 0:
        yield None
        return
    task = asyncio.create_task(sweep_forever(interval_seconds))
    try:
        yield task
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task

"""The current moment, as stored: every datetime minqing writes or compares is in
Asia/Shanghai (the zone Tortoise's own auto_now fields use). SQLite keeps datetimes as text
and compares them as text, so mixing offsets would order them wrongly."""

from __future__ import annotations

from datetime import datetime

from tortoise.timezone import now

from domain.calendar import SHANGHAI


def moment(at: datetime | None = None) -> datetime:
    """``at`` (now by default) in Asia/Shanghai; ``at`` must be timezone-aware."""
    value = at or now()
    if value.tzinfo is None:
        raise ValueError("a moment needs a timezone-aware datetime")
    return value.astimezone(SHANGHAI)

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


def stored_text(value: datetime) -> str:
    """How a moment is written to SQLite: in Asia/Shanghai, ``YYYY-MM-DD HH:MM:SS[.ffffff]+08:00``,
    whatever offset it arrived in (a client's ``Z``, another clock), so text order is time order.
    A naive value is taken to be Shanghai's already."""
    if value.tzinfo is not None:
        value = value.astimezone(SHANGHAI)
    return value.isoformat(" ")

"""The working-day calendar for case time limits (限时办理).

A day's status is decided, in order, by the admin's overrides (``CalendarDay`` rows), then the
``chinese_calendar`` package (public holidays and 调休 make-up working days), then, for a year
neither covers, Monday–Friday; every deadline that leans on that fallback says so in a warning.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Literal
from zoneinfo import ZoneInfo

import chinese_calendar

SHANGHAI = ZoneInfo("Asia/Shanghai")
"""The zone in which a calendar day is judged."""

END_OF_DAY = time(23, 59, 59)
"""The clock time, in Asia/Shanghai, at which a working-day deadline ends."""

FALLBACK_PREFIX = "calendar-fallback:"
"""Machine-readable start of a fallback warning, then the year: ``calendar-fallback:2027``."""

DaySource = Literal["override", "package", "fallback"]


@dataclass(frozen=True)
class DayVerdict:
    """Whether a day is a working day, and who said so."""

    is_workday: bool
    source: DaySource


@dataclass(frozen=True)
class Deadline:
    """When a time limit runs out, and what the calendar could not vouch for on the way."""

    due_at: datetime
    warnings: tuple[str, ...] = ()


def fallback_warning(year: int) -> str:
    """The warning for a year that was counted Monday–Friday."""
    return (
        f"{FALLBACK_PREFIX}{year} {year}年未纳入节假日日历，按周一至周五计算 / "
        f"{year} is not covered by the holiday calendar; counted Monday–Friday"
    )


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a deadline needs a timezone-aware datetime")


@dataclass(frozen=True)
class WorkingCalendar:
    """Working days: the admin's overrides win over the package, which wins over Monday–Friday."""

    overrides: Mapping[date, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # A private read-only copy: a caller mutating its dict must not move deadlines.
        object.__setattr__(self, "overrides", MappingProxyType(dict(self.overrides)))

    def is_workday(self, d: date) -> DayVerdict:
        """Whether ``d`` is a working day, and which source decided it."""
        if d in self.overrides:
            return DayVerdict(is_workday=self.overrides[d], source="override")
        try:
            return DayVerdict(is_workday=bool(chinese_calendar.is_workday(d)), source="package")
        except NotImplementedError:
            # The package raises for years it has no data for (before 2004, after 2026).
            return DayVerdict(is_workday=d.weekday() < 5, source="fallback")

    def add_working_days(self, start: datetime, days: int) -> Deadline:
        """The deadline ``days`` working days after ``start``.

        Rule (次日起算): take ``start``'s calendar date in Asia/Shanghai; the day of ``start``
        itself is never counted, whether or not it is a working day. Walk forward from the next
        day and count working days only; the deadline is 23:59:59 Asia/Shanghai on the
        ``days``-th working day. So a case received on a holiday starts counting on the first
        working day after it, and 1 working day from Friday 10:00 (before a normal weekend) is
        Monday 23:59:59. ``days == 0`` means no time at all: the deadline is ``start``.

        One ``calendar-fallback:<year>`` warning is returned per year, in order, for which some
        walked-over day was decided by the Monday–Friday fallback.
        """
        _require_aware(start)
        if days < 0:
            raise ValueError("days must not be negative")
        if days == 0:
            return Deadline(due_at=start.astimezone(SHANGHAI))
        day = start.astimezone(SHANGHAI).date()
        fallback_years: set[int] = set()
        counted = 0
        while counted < days:
            day += timedelta(days=1)
            verdict = self.is_workday(day)
            if verdict.source == "fallback":
                fallback_years.add(day.year)
            if verdict.is_workday:
                counted += 1
        return Deadline(
            due_at=datetime.combine(day, END_OF_DAY, tzinfo=SHANGHAI),
            warnings=tuple(fallback_warning(year) for year in sorted(fallback_years)),
        )

    def add_hours(self, start: datetime, hours: int) -> Deadline:
        """The deadline ``hours`` wall-clock hours after ``start``, holidays included."""
        _require_aware(start)
        if hours < 0:
            raise ValueError("hours must not be negative")
        return Deadline(due_at=(start + timedelta(hours=hours)).astimezone(SHANGHAI))

"""The working-day calendar: package holidays and 调休, admin overrides, the 2027 fallback."""

from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime

import pytest

from domain.calendar import SHANGHAI, DayVerdict, Deadline, WorkingCalendar, fallback_warning
from domain.calendar_store import load_calendar, set_calendar_day
from models.calendar import CalendarDay

PACKAGE_ONLY = WorkingCalendar(overrides={})


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=SHANGHAI)


def end_of(y: int, m: int, d: int) -> datetime:
    return at(y, m, d, 23, 59, 59)


@pytest.mark.parametrize(
    ("d", "verdict"),
    [
        (date(2026, 9, 20), DayVerdict(is_workday=True, source="package")),  # Sunday, 调休上班
        (date(2026, 9, 25), DayVerdict(is_workday=False, source="package")),  # 中秋节, Friday
        (date(2026, 10, 1), DayVerdict(is_workday=False, source="package")),  # 国庆节
        (date(2026, 10, 7), DayVerdict(is_workday=False, source="package")),  # 国庆节, Wednesday
        (date(2026, 10, 10), DayVerdict(is_workday=True, source="package")),  # Saturday, 调休上班
        (date(2026, 10, 11), DayVerdict(is_workday=False, source="package")),  # plain Sunday
        (date(2027, 1, 1), DayVerdict(is_workday=True, source="fallback")),  # Friday, no data
        (date(2027, 1, 2), DayVerdict(is_workday=False, source="fallback")),  # Saturday, no data
    ],
)
def test_day_verdicts_without_overrides(d: date, verdict: DayVerdict) -> None:
    # given only the package, when asked about a day, then it answers with its source
    assert PACKAGE_ONLY.is_workday(d) == verdict


@pytest.mark.parametrize(
    ("start", "days", "due_at"),
    [
        # National Day 2026: 10-01..10-07 off, Sat 10-10 worked, Sun 10-11 off.
        (at(2026, 9, 30), 1, end_of(2026, 10, 8)),
        (at(2026, 9, 30), 3, end_of(2026, 10, 10)),
        (at(2026, 9, 30), 4, end_of(2026, 10, 12)),
        # Mid-Autumn 09-25..09-27 off, Sun 09-20 worked.
        (at(2026, 9, 18), 1, end_of(2026, 9, 20)),
        (at(2026, 9, 24), 1, end_of(2026, 9, 28)),
        (at(2026, 9, 24), 5, end_of(2026, 10, 9)),
        # Spring Festival 2026: Sat 02-14 worked, 02-15..02-23 off.
        (at(2026, 2, 13), 1, end_of(2026, 2, 14)),
        (at(2026, 2, 13), 2, end_of(2026, 2, 24)),
        # A start on a holiday counts from the first working day after it.
        (at(2026, 10, 3, 15), 1, end_of(2026, 10, 8)),
        (at(2026, 2, 17, 15), 1, end_of(2026, 2, 24)),
        # A start on a working day is not counted, whatever the hour.
        (at(2026, 10, 9, 0, 0, 1), 1, end_of(2026, 10, 10)),
        (at(2026, 10, 9, 23, 59, 59), 1, end_of(2026, 10, 10)),
    ],
)
def test_working_days_across_holidays(start: datetime, days: int, due_at: datetime) -> None:
    # given the package calendar, when counting working days, then holidays and 调休 apply
    assert PACKAGE_ONLY.add_working_days(start, days) == Deadline(due_at=due_at, warnings=())


def test_the_start_date_is_judged_in_shanghai() -> None:
    # given 2026-10-09 16:30 UTC, which is Saturday 2026-10-10 00:30 in Shanghai
    start = datetime(2026, 10, 9, 16, 30, tzinfo=UTC)
    # when adding one working day
    deadline = PACKAGE_ONLY.add_working_days(start, 1)
    # then 10-10 is the start date and not counted; Sunday 10-11 is off; Monday 10-12 is due
    assert deadline == Deadline(due_at=end_of(2026, 10, 12), warnings=())
    assert deadline.due_at.tzinfo is SHANGHAI


def test_zero_days_is_due_at_once() -> None:
    # given a start on a holiday, when adding zero working days, then it is due at the start
    assert PACKAGE_ONLY.add_working_days(at(2026, 10, 3, 15, 20), 0) == Deadline(
        due_at=at(2026, 10, 3, 15, 20), warnings=()
    )


def test_an_override_wins_over_the_package() -> None:
    # given an admin who made 10-08 a day off and 10-10 a day off as well
    calendar = WorkingCalendar(overrides={date(2026, 10, 8): False, date(2026, 10, 10): False})
    # when asking and counting
    verdict = calendar.is_workday(date(2026, 10, 8))
    deadline = calendar.add_working_days(at(2026, 9, 30), 2)
    # then the override decides: 10-09 is the first working day, Monday 10-12 the second
    assert verdict == DayVerdict(is_workday=False, source="override")
    assert deadline == Deadline(due_at=end_of(2026, 10, 12), warnings=())


def test_overrides_are_copied() -> None:
    # given a calendar built from a dict, when the dict changes afterwards
    overrides = {date(2026, 10, 8): False}
    calendar = WorkingCalendar(overrides=overrides)
    overrides[date(2026, 10, 8)] = True
    # then the calendar still holds what it was given
    assert calendar.is_workday(date(2026, 10, 8)) == DayVerdict(False, "override")


def test_2027_falls_back_to_monday_to_friday_with_a_warning() -> None:
    # given no data for 2027, when counting from New Year's Eve 2026
    deadline = PACKAGE_ONLY.add_working_days(at(2026, 12, 31), 2)
    # then Fri 01-01 and Mon 01-04 count as working days, and the year is flagged
    assert deadline == Deadline(
        due_at=end_of(2027, 1, 4),
        warnings=(
            "calendar-fallback:2027 2027年未纳入节假日日历，按周一至周五计算 / "
            "2027 is not covered by the holiday calendar; counted Monday–Friday",
        ),
    )


def test_one_warning_per_uncovered_year_in_order() -> None:
    # given a count that runs from 2027 into 2028, neither covered
    deadline = PACKAGE_ONLY.add_working_days(at(2027, 12, 30), 2)
    # then Fri 12-31 and Mon 2028-01-03 count, and each year is flagged once
    assert deadline == Deadline(
        due_at=end_of(2028, 1, 3), warnings=(fallback_warning(2027), fallback_warning(2028))
    )


def test_2027_overrides_remove_the_warning() -> None:
    # given an admin who entered 元旦 2027 (01-01..01-03 off) and Monday 01-04 as worked
    calendar = WorkingCalendar(
        overrides={
            date(2027, 1, 1): False,
            date(2027, 1, 2): False,
            date(2027, 1, 3): False,
            date(2027, 1, 4): True,
        }
    )
    # when counting over only those days, then no fallback is used and nothing is flagged
    assert calendar.add_working_days(at(2026, 12, 31), 1) == Deadline(
        due_at=end_of(2027, 1, 4), warnings=()
    )
    # when counting one day further, then Tuesday 01-05 falls back and 2027 is flagged again
    assert calendar.add_working_days(at(2026, 12, 31), 2) == Deadline(
        due_at=end_of(2027, 1, 5), warnings=(fallback_warning(2027),)
    )


def test_add_hours_is_wall_clock_and_ignores_holidays() -> None:
    # given the eve of National Day, when adding 24 hours, then it is due on the holiday itself
    assert PACKAGE_ONLY.add_hours(at(2026, 9, 30, 20), 24) == Deadline(
        due_at=at(2026, 10, 1, 20), warnings=()
    )
    # given a UTC start, when adding hours, then the deadline is the same instant in Shanghai
    deadline = PACKAGE_ONLY.add_hours(datetime(2026, 12, 31, 20, tzinfo=UTC), 2)
    assert deadline == Deadline(due_at=at(2027, 1, 1, 6), warnings=())
    assert deadline.due_at.tzinfo is SHANGHAI


@pytest.mark.parametrize(
    "call",
    [
        lambda: PACKAGE_ONLY.add_working_days(datetime(2026, 10, 1, 10), 1),
        lambda: PACKAGE_ONLY.add_hours(datetime(2026, 10, 1, 10), 1),
        lambda: PACKAGE_ONLY.add_working_days(at(2026, 10, 1), -1),
        lambda: PACKAGE_ONLY.add_hours(at(2026, 10, 1), -1),
    ],
    ids=["naive-days", "naive-hours", "negative-days", "negative-hours"],
)
def test_naive_starts_and_negative_limits_are_bugs(call: Callable[[], Deadline]) -> None:
    # given a naive start or a negative limit, when computing a deadline, then it refuses
    with pytest.raises(ValueError):
        call()


@pytest.fixture
async def calendar_db(db: str) -> AsyncIterator[str]:
    # The suite's own database: a separate SQLite context would leave CalendarDay bound to
    # SQLite's SQL dialect for the PostgreSQL tests that follow.
    yield db


async def test_set_calendar_day_upserts_and_load_calendar_reads_it(
    calendar_db: str,
) -> None:
    # given an admin who enters 2027-01-01 as worked, then corrects it to 元旦
    await set_calendar_day(day=date(2027, 1, 1), is_workday=True, name="typo")
    row = await set_calendar_day(day=date(2027, 1, 1), is_workday=False, name="元旦")
    # when the calendar is loaded
    calendar = await load_calendar()
    # then there is one row, holding the correction, and it overrides the fallback
    assert await CalendarDay.all().values_list("id", "day", "is_workday", "name") == [
        (row.id, date(2027, 1, 1), False, "元旦")
    ]
    assert calendar.overrides == {date(2027, 1, 1): False}
    assert calendar.is_workday(date(2027, 1, 1)) == DayVerdict(False, "override")

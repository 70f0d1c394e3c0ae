"""Reading and writing the admin's calendar overrides (``CalendarDay`` rows)."""

from datetime import date

from tortoise.transactions import in_transaction

from domain.calendar import WorkingCalendar
from models.calendar import CalendarDay


async def load_calendar() -> WorkingCalendar:
    """The working calendar with every admin-entered day as an override, in one query."""
    rows = await CalendarDay.all().values_list("day", "is_workday")
    return WorkingCalendar(overrides={day: is_workday for day, is_workday in rows})


async def set_calendar_day(*, day: date, is_workday: bool, name: str) -> CalendarDay:
    """Enter or replace the admin's verdict for ``day``."""
    async with in_transaction():
        row, _ = await CalendarDay.update_or_create(
            defaults={"is_workday": is_workday, "name": name}, day=day
        )
    return row

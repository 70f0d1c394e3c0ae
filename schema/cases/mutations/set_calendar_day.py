"""setCalendarDay (admin): enter a holiday or make-up working day; it overrides the package."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.calendar_store import set_calendar_day
from domain.validation import clean_name
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="One day's working status.")
class SetCalendarDayInput:
    day: date = strawberry.field(description="The day (Asia/Shanghai).")
    is_workday: bool = strawberry.field(description="True for a working day (调休), false off.")
    name: str = strawberry.field(description="Why, e.g. 国庆节 or 国庆调休上班.")


@strawberry.type(description="The day was entered.")
class CalendarDaySet:
    day: date = strawberry.field(description="The day.")
    is_workday: bool = strawberry.field(description="Whether it is a working day.")
    name: str = strawberry.field(description="Why.")


SetCalendarDayResult = Annotated[
    CalendarDaySet | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("SetCalendarDayResult", description="The result of setCalendarDay."),
]


async def set_calendar_day_mutation(info: Info, input: SetCalendarDayInput) -> SetCalendarDayResult:
    require(info, Resource.CALENDAR, Action.UPDATE, ADMIN_DOMAIN)
    name = clean_name(input.name, field="name", max_length=50)
    row = await set_calendar_day(day=input.day, is_workday=input.is_workday, name=name)
    return CalendarDaySet(day=row.day, is_workday=row.is_workday, name=row.name)

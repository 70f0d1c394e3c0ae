"""writeMinutes: record a meeting's minutes (会议纪要)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.meetings import write_minutes
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.meetings.lookup import meeting_to_change
from schema.meetings.types import MeetingType


@strawberry.input(description="A meeting's minutes.")
class WriteMinutesInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting.")
    minutes: str = strawberry.field(description="The minutes, replacing any earlier text.")


@strawberry.type(description="The minutes were saved.")
class MinutesWritten:
    meeting: MeetingType = strawberry.field(description="The meeting.")


WriteMinutesResult = Annotated[
    MinutesWritten | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union("WriteMinutesResult", description="The result of writeMinutes."),
]


async def write_minutes_mutation(info: Info, input: WriteMinutesInput) -> WriteMinutesResult:
    meeting = await meeting_to_change(info, input.meeting_id, field="meetingId")
    meeting = await write_minutes(meeting=meeting, minutes=input.minutes)
    return MinutesWritten(meeting=MeetingType.from_model(meeting))

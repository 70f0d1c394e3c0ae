"""createMeeting: call a deliberation meeting (议事会) with its attendees."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.meetings import AttendeeDraft, create_meeting
from models.enums import AttendeeKind, MeetingKind, MeetingLevel
from models.grid import Station
from models.org import Department
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import row_for
from schema.lookup import visible_grid
from schema.meetings.types import MeetingType


@strawberry.input(description="Someone at the meeting.")
class AttendeeInput:
    kind: AttendeeKind = strawberry.field(description="Whom they represent.")
    name: str = strawberry.field(description="Name as minuted.")
    person_id: strawberry.ID | None = strawberry.field(default=None, description="The person.")
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="The department they represent."
    )


@strawberry.input(description="A new deliberation meeting.")
class CreateMeetingInput:
    title: str = strawberry.field(description="Title.")
    level: MeetingLevel = strawberry.field(description="Community, area or park.")
    kind: MeetingKind = strawberry.field(description="Monthly (一月一议) or urgent (急事随议).")
    place_id: strawberry.ID = strawberry.field(description="Whose meeting it is.")
    held_at: datetime = strawberry.field(description="When it is held.")
    station_id: strawberry.ID | None = strawberry.field(
        default=None, description="The station it is held at."
    )
    attendees: list[AttendeeInput] = strawberry.field(
        default_factory=list, description="Who attends."
    )


@strawberry.type(description="The meeting was called.")
class MeetingCreated:
    meeting: MeetingType = strawberry.field(description="The meeting.")


CreateMeetingResult = Annotated[
    MeetingCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateMeetingResult", description="The result of createMeeting."),
]


async def create_meeting_mutation(info: Info, input: CreateMeetingInput) -> CreateMeetingResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.MEETING, Action.CREATE, place.path)
    station = (
        await row_for(Station, "Station", input.station_id, field="stationId")
        if input.station_id
        else None
    )
    attendees = []
    for index, a in enumerate(input.attendees):
        who = (
            await row_for(Person, "Person", a.person_id, field=f"attendees.{index}.personId")
            if a.person_id
            else None
        )
        department = (
            await row_for(
                Department,
                "Department",
                a.department_id,
                field=f"attendees.{index}.departmentId",
            )
            if a.department_id
            else None
        )
        attendees.append(AttendeeDraft(a.kind, a.name, who, department))
    meeting = await create_meeting(
        title=input.title,
        level=input.level,
        kind=input.kind,
        place=place,
        held_at=input.held_at,
        station=station,
        attendees=attendees,
        organiser_user_id=info.context.viewer.user_id,
    )
    return MeetingCreated(meeting=MeetingType.from_model(meeting))

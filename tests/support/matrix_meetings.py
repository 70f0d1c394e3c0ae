"""Matrix rows of meetings (议事): seen by the grid workers and cadres of their place and by
their organiser (whose own meetings lie in the other community, so only ownership shows
them); agenda, decisions and minutes are changed by those who may update meetings there."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from domain.meetings import create_meeting
from models.enums import MeetingKind, MeetingLevel
from models.meetings import AgendaItem, Decision, Meeting
from tests.support.matrix import (
    ADMIN,
    ALL,
    OWN,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
)
from tests.support.matrix_lists import (
    GRID_WORKERS,
    OWNERS,
    PLACE_ADMIN,
    building,
    count,
    owner_of,
    row_of,
    union,
    where,
)

EVERY_CELL_OF_ADMIN = {ADMIN: ALL}


async def _meeting(world: World, actor: str, relation: str) -> Meeting | None:
    organiser = owner_of(world, actor, relation)
    if organiser is None:
        return None
    return await create_meeting(
        title="议事会",
        level=MeetingLevel.PARK,
        kind=MeetingKind.URGENT,
        place=building(world, where(relation)),
        held_at=datetime.now(UTC),
        station=None,
        attendees=[],
        organiser_user_id=organiser,
    )


# --- reads -------------------------------------------------------------------------------


async def _meetings(world: World, actor: str, relation: str) -> Target | None:
    meeting = await _meeting(world, actor, relation)
    if meeting is None:
        return None
    return Target(gid("Meeting", meeting.id), parent=gid("Grid", meeting.place_id))


PLACE_READERS = union(OWNERS, GRID_WORKERS, EVERY_CELL_OF_ADMIN)
READS = [
    ReadRow(
        name="meetings",
        target=_meetings,
        list="{ meetings(first: 100) { nodes { id } } }",
        # no edge leads back to a meeting: the meetings of its place
        nested="query($parent: ID!) { meetings(placeId: $parent, first: 100) { nodes { id } } }",
        sees=PLACE_READERS,
    ),
]


# --- writes ------------------------------------------------------------------------------


async def _create_meeting(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    place = gid("Grid", building(world, relation).id)
    variables = {
        "input": {
            "title": "议事",
            "level": "PARK",
            "kind": "URGENT",
            "placeId": place,
            "heldAt": "2026-11-20T09:00:00Z",
        }
    }
    return Attempt(variables, count(Meeting))


def _on_meeting(extra: dict[str, Any], snapshot: Any) -> Any:
    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        meeting = await _meeting(world, actor, relation)
        if meeting is None:
            return None
        variables = {"input": {"meetingId": gid("Meeting", meeting.id), **extra}}
        return Attempt(variables, snapshot(meeting))

    return prepare


def _items(meeting: Meeting) -> Any:
    async def snapshot() -> int:
        return int(await AgendaItem.filter(meeting_id=meeting.id).count())

    return snapshot


def _decisions(meeting: Meeting) -> Any:
    async def snapshot() -> int:
        return int(await Decision.filter(meeting_id=meeting.id).count())

    return snapshot


def _minutes(meeting: Meeting) -> Any:
    return row_of(Meeting, meeting.id, "minutes")


MEETING_CHANGERS = {**GRID_WORKERS, ADMIN: ALL}

WRITES = [
    WriteRow("createMeeting", "MeetingCreated", _create_meeting, {**GRID_WORKERS, **PLACE_ADMIN}),
    WriteRow(
        "addAgendaItem", "AgendaItemAdded", _on_meeting({"title": "修路"}, _items), MEETING_CHANGERS
    ),
    WriteRow(
        "recordDecision",
        "DecisionRecorded",
        _on_meeting({"text": "修"}, _decisions),
        MEETING_CHANGERS,
    ),
    WriteRow(
        "writeMinutes",
        "MinutesWritten",
        _on_meeting({"minutes": "议定修路"}, _minutes),
        MEETING_CHANGERS,
    ),
]

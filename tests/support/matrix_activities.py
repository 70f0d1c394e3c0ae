"""Matrix rows of volunteering: activities are announced to everyone; sign-ups are seen by
the place's workers, the organiser and the person signed up, who may also cancel and check in
and out; hours are verified by the organiser where they may verify; volunteer hours and
service records are reads of a place and of a party member.

"own" objects are the actor's own in the OTHER community, so only ownership shows them
(verifying hours excepted: the organiser must also hold the right where it happened)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from domain.volunteering import check_in, check_out, create_activity, sign_up
from models.enums import ListCategory
from models.people import Person
from models.volunteering import Activity, ActivitySignUp
from tests.support.matrix import (
    ADMIN,
    ALL,
    EVERYONE,
    OTHER,
    OWN,
    SAME,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.matrix_lists import (
    CADRE,
    GRID,
    GRID_WORKERS,
    OWNERS,
    PLACE_ADMIN,
    RESIDENT,
    building,
    count,
    grid_of,
    member_of,
    neighbour,
    own_person,
    owner_of,
    row_of,
    someone,
    union,
    where,
)

EVERY_CELL_OF_ADMIN = {ADMIN: ALL}


async def _activity(world: World, organiser: int, relation: str) -> Activity:
    start = datetime.now(UTC) + timedelta(days=1)
    return await create_activity(
        title="义务理发",
        description="",
        category=ListCategory.HAIRCUT,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place=building(world, relation),
        capacity=5,
        team=None,
        organiser_user_id=organiser,
    )


async def _sign_up(world: World, actor: str, relation: str, step: int = 0) -> Any:
    """own: the resident's own sign-up, or one to an activity the actor organised; else a
    neighbour's to someone else's activity. ``step``: 1 checked in, 2 checked out."""
    if relation == OWN and actor == RESIDENT:
        activity = await _activity(world, someone(world, actor), OTHER)
        person: Person = world.person
    else:
        organiser = owner_of(world, actor, relation)
        if organiser is None:
            return None
        activity = await _activity(world, organiser, where(relation))
        person = await neighbour(world, where(relation))
    row = await sign_up(activity=activity, person=person, user_id=None)
    if step >= 1:
        row = await check_in(row, at=activity.starts_at)
    if step >= 2:
        row = await check_out(row, at=activity.starts_at + timedelta(hours=2))
    return row


# --- reads -------------------------------------------------------------------------------


async def _activities(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None  # announced to everyone: nobody's own
    row = await _sign_up(world, actor, relation)
    return Target(gid("Activity", row.activity_id), parent=gid("ActivitySignUp", row.id))


async def _sign_ups(world: World, actor: str, relation: str) -> Target | None:
    row = await _sign_up(world, actor, relation)
    if row is None:
        return None
    return Target(gid("ActivitySignUp", row.id), parent=gid("Activity", row.activity_id))


async def _hours(world: World, actor: str, relation: str) -> Target | None:
    """Verified hours of a person of the north grid (same) or the south one (other)."""
    if relation == OWN:
        return None
    row = await _sign_up(world, actor, relation, step=2)
    await ActivitySignUp.filter(id=row.id).update(state="verified")
    return Target(gid("Person", row.person_id), parent=gid("Grid", grid_of(world, relation).id))


async def _service_record(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        mine = await own_person(world, actor)
        if mine is None:
            return None
        who = mine
    else:
        who = await neighbour(world, relation)
    member = await member_of(who)
    return Target(gid("PartyMember", member.id))


HOURS = "query($parent: ID!) { volunteerHours(placeId: $parent) { person { id } } }"
RECORD = "query($id: ID!) { serviceRecord(partyMemberId: $id) { id: partyMemberId } }"
PLACE_READERS = union(OWNERS, GRID_WORKERS, EVERY_CELL_OF_ADMIN)

READS = [
    ReadRow(
        name="activities",
        target=_activities,
        list="{ activities(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on ActivitySignUp { activity { id } } } }",
        sees=EVERYONE,
        nested_sees={**GRID_WORKERS, **PLACE_ADMIN},  # the edge starts at a sign-up
    ),
    ReadRow(
        name="signUps",
        target=_sign_ups,
        list="{ signUps(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on Activity { signUps(first: 100) { nodes { id } } } } }",
        sees=PLACE_READERS,
    ),
    ReadRow(
        name="volunteerHours",
        target=_hours,
        list=HOURS,
        node=HOURS,
        nested=None,
        sees={**GRID_WORKERS, **PLACE_ADMIN},
    ),
    ReadRow(
        name="serviceRecord",
        target=_service_record,
        list=RECORD,
        node=RECORD,
        nested=None,
        sees=union(OWNERS, GRID_WORKERS, {ADMIN: ALL}),
    ),
]


# --- writes ------------------------------------------------------------------------------


async def _create_activity(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    variables = {
        "input": {
            "title": "义务理发",
            "startsAt": "2026-12-01T09:00:00Z",
            "endsAt": "2026-12-01T11:00:00Z",
            "placeId": gid("Grid", building(world, relation).id),
            "capacity": 5,
        }
    }
    return Attempt(variables, count(Activity))


async def _join(world: World, actor: str, relation: str) -> Attempt | None:
    """Signing oneself up, as one's own person."""
    if relation == OWN or await own_person(world, actor) is None:
        return None
    activity = await _activity(world, someone(world, actor), relation)
    return Attempt({"input": {"activityId": gid("Activity", activity.id)}}, count(ActivitySignUp))


def _on_sign_up(step: int, extra: dict[str, Any] | None = None) -> Any:
    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        row = await _sign_up(world, actor, relation, step)
        if row is None:
            return None
        variables = {"input": {"signUpId": gid("ActivitySignUp", row.id), **(extra or {})}}
        if row.checked_in_at is not None:  # checking out: two hours after checking in
            variables["input"]["at"] = (row.checked_in_at + timedelta(hours=2)).isoformat()
        return Attempt(variables, row_of(ActivitySignUp, row.id, "state", "hours"))

    return prepare


async def _verify(world: World, actor: str, relation: str) -> Attempt | None:
    """own: an activity the actor organised in the north; else someone else's."""
    organiser = owner_of(world, actor, relation)
    if organiser is None:
        return None
    activity = await _activity(world, organiser, relation)
    row = await sign_up(activity=activity, person=await neighbour(world, relation), user_id=None)
    row = await check_in(row, at=activity.starts_at)
    row = await check_out(row, at=activity.starts_at + timedelta(hours=2))
    variables = {"input": {"signUpId": gid("ActivitySignUp", row.id)}}
    return Attempt(variables, row_of(ActivitySignUp, row.id, "state", "verified_at"))


# An activity is organised by a person's account: no token cells.
ORGANISERS = {GRID: only(SAME), CADRE: only(SAME), **PLACE_ADMIN}
SIGN_UP_CHANGERS = union(OWNERS, GRID_WORKERS, EVERY_CELL_OF_ADMIN)

WRITES = [
    WriteRow("createActivity", "ActivityCreated", _create_activity, ORGANISERS),
    WriteRow("signUp", "SignedUp", _join, {RESIDENT: only(SAME, OTHER), **PLACE_ADMIN}),
    WriteRow("cancelSignUp", "SignUpCancelled", _on_sign_up(0), SIGN_UP_CHANGERS),
    WriteRow("checkIn", "CheckedIn", _on_sign_up(0), SIGN_UP_CHANGERS),
    WriteRow("checkOut", "CheckedOut", _on_sign_up(1), SIGN_UP_CHANGERS),
    WriteRow(
        "verifyHours",
        "HoursVerified",
        _verify,
        {GRID: only(OWN), CADRE: only(OWN), ADMIN: ALL},
    ),
]

"""Matrix rows of the people: persons, households, party members and volunteers are seen by the
workers and cadres of their place and by the people themselves; party branches, volunteer
teams and co-building units are public; past workers' posts are for grid workers and cadres.
Recording people is for grid workers and up, the rolls of organisations for cadres."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from models.enums import HouseholdRelation, UnitKind, WorkerPost
from models.grid import GridNode
from models.org import (
    CoBuildingUnit,
    PartyBranch,
    PartyBranchGrid,
    PartyMember,
    PartyMemberContact,
    Volunteer,
    VolunteerTeam,
    VolunteerTeamMember,
    WorkerAssignment,
)
from models.people import Household, Person, PersonTag
from tests.support.matrix import (
    ADMIN,
    ALL,
    EVERYONE,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)

_serial = itertools.count(1)
RESIDENT = "resident"
WORKERS = {"grid_worker": only(SAME), "community_cadre": only(SAME), TOKEN: only(SAME)}
PERSON_READERS = {RESIDENT: only(OWN), "micro_grid_worker": only(SAME), **WORKERS, ADMIN: ALL}
ROLL_READERS = {RESIDENT: only(OWN), **WORKERS, ADMIN: ALL}  # party members, volunteers
POST_READERS = {**WORKERS, ADMIN: ALL}
RECORDERS = {**WORKERS, ADMIN: only(SAME, OTHER)}
CADRES = {"community_cadre": only(SAME), ADMIN: only(SAME, OTHER)}


def _side(relation: str) -> str:
    """Every actor lives in the north: "same" things are there, "other" ones in the south."""
    return "south" if relation == OTHER else "north"


def _building(world: World, relation: str) -> GridNode:
    return world.grid(f"{_side(relation)}_building")


async def _household_at(building: GridNode) -> Household:
    return await Household.create(building=building, door=f"m-{next(_serial)}")


async def _own_person(world: World) -> Person:
    """The resident's own person, given a household on first use."""
    person = world.person
    if person.household_id is None:
        household = await _household_at(world.grid("north_building"))
        person.household_id = household.id
        person.relation = HouseholdRelation.HEAD
        await person.save(update_fields=["household_id", "relation"])
    return person


async def _person(world: World, actor: str, relation: str) -> Person | None:
    """own: the actor's own person (only the resident has one); same/other: a new neighbour
    of the actor's home, or of its mirror, in a household of their own."""
    if relation == OWN:
        return await _own_person(world) if actor == RESIDENT else None
    building = _building(world, relation)
    household = await _household_at(building)
    return await Person.create(
        name=f"居民{next(_serial)}",
        phone="13900000000",
        place=building,
        household=household,
        relation=HouseholdRelation.HEAD,
    )


async def _persons(world: World, actor: str, relation: str) -> Target | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    return Target(gid("Person", person.id), parent=gid("Household", person.household_id or 0))


async def _households(world: World, actor: str, relation: str) -> Target | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    return Target(gid("Household", person.household_id or 0), parent=gid("Person", person.id))


async def _branch(world: World, relation: str) -> PartyBranch:
    community = world.grid(_side(relation))
    branch = await PartyBranch.create(name=f"支部{next(_serial)}", place=community)
    await PartyBranchGrid.create(branch=branch, grid=world.grid(f"{_side(relation)}_grid"))
    return branch


async def _member(world: World, actor: str, relation: str) -> PartyMember | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    existing = await PartyMember.get_or_none(person_id=person.id)
    return existing or await PartyMember.create(
        person=person, branch=await _branch(world, relation)
    )


async def _party_members(world: World, actor: str, relation: str) -> Target | None:
    member = await _member(world, actor, relation)
    if member is None:
        return None
    return Target(gid("PartyMember", member.id), parent=gid("PartyBranch", member.branch_id))


async def _party_branches(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    member = await _member(world, "cadre-peer", relation)
    assert member is not None
    return Target(gid("PartyBranch", member.branch_id), parent=gid("PartyMember", member.id))


async def _team(world: World, relation: str) -> VolunteerTeam:
    return await VolunteerTeam.create(name=f"队{next(_serial)}", place=world.grid(_side(relation)))


async def _volunteer(
    world: World, actor: str, relation: str
) -> tuple[Volunteer, VolunteerTeam] | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    volunteer = await Volunteer.get_or_none(person_id=person.id) or await Volunteer.create(
        person=person, skills=["维修"]
    )
    team = await _team(world, relation)
    await VolunteerTeamMember.create(team=team, volunteer=volunteer)
    return volunteer, team


async def _volunteers(world: World, actor: str, relation: str) -> Target | None:
    found = await _volunteer(world, actor, relation)
    if found is None:
        return None
    volunteer, team = found
    return Target(gid("Volunteer", volunteer.id), parent=gid("VolunteerTeam", team.id))


async def _volunteer_teams(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    found = await _volunteer(world, "cadre-peer", relation)
    assert found is not None
    volunteer, team = found
    return Target(gid("VolunteerTeam", team.id), parent=gid("Volunteer", volunteer.id))


async def _units(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    unit = await CoBuildingUnit.create(
        name=f"单位{next(_serial)}", kind=UnitKind.ENTERPRISE, place=world.grid(_side(relation))
    )
    return Target(gid("CoBuildingUnit", unit.id))


async def _past_post(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    person = await _person(world, actor, relation)
    assert person is not None
    post = await WorkerAssignment.create(
        person=person,
        place=_building(world, relation),
        post=WorkerPost.MICRO_GRID_WORKER,
        started_on=date(2025, 1, 1),
        ended_on=date(2025, 12, 31),
    )
    return Target(gid("WorkerAssignment", post.id))


def _via(type_name: str, edge: str) -> str:
    return f"query($parent: ID!) {{ node(id: $parent) {{ ... on {type_name} {{ {edge} }} }} }}"


READS = [
    ReadRow(
        name="persons",
        target=_persons,
        list="{ persons(first: 100) { nodes { id } } }",
        nested=_via("Household", "members { id }"),
        sees=PERSON_READERS,
    ),
    ReadRow(
        name="households",
        target=_households,
        list="{ households(first: 100) { nodes { id } } }",
        nested=_via("Person", "household { id }"),
        sees=PERSON_READERS,
    ),
    ReadRow(
        name="partyMembers",
        target=_party_members,
        list="{ partyMembers(first: 100) { nodes { id } } }",
        nested=_via("PartyBranch", "members(first: 100) { nodes { id } }"),
        sees=ROLL_READERS,
    ),
    ReadRow(
        name="volunteers",
        target=_volunteers,
        list="{ volunteers(first: 100) { nodes { id } } }",
        nested=_via("VolunteerTeam", "members(first: 100) { nodes { id } }"),
        sees=ROLL_READERS,
    ),
    ReadRow(
        name="partyBranches",
        target=_party_branches,
        list="{ partyBranches(first: 100) { nodes { id } } }",
        nested=_via("PartyMember", "branch { id }"),
        sees=EVERYONE,
        nested_sees={**WORKERS, ADMIN: ALL},  # the edge starts at a member, which is not public
    ),
    ReadRow(
        name="volunteerTeams",
        target=_volunteer_teams,
        list="{ volunteerTeams(first: 100) { nodes { id } } }",
        nested=_via("Volunteer", "teams { id }"),
        sees=EVERYONE,
        nested_sees={**WORKERS, ADMIN: ALL},
    ),
    ReadRow(
        name="coBuildingUnits",
        target=_units,
        list="{ coBuildingUnits(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to a unit yet
        sees=EVERYONE,
    ),
    ReadRow(
        name="workerAssignments",
        target=_past_post,
        list="{ workerAssignments(currentOnly: false, first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to a post yet; current posts are public (acceptance tests)
        sees=POST_READERS,
    ),
]


def _count(model: Any) -> Any:
    async def snapshot() -> int:
        return int(await model.all().count())

    return snapshot


def _row_of(model: Any, pk: int, *fields: str) -> Any:
    async def snapshot() -> object:
        return await model.filter(id=pk).values_list(*fields)

    return snapshot


async def _create_household(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    building = _building(world, relation)
    door = f"new-{next(_serial)}"
    return Attempt(
        {"input": {"buildingId": gid("Grid", building.id), "door": door}}, _count(Household)
    )


async def _create_person(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    building = _building(world, relation)
    return Attempt(
        {"input": {"name": "新居民", "placeId": gid("Grid", building.id)}}, _count(Person)
    )


async def _update_person(world: World, actor: str, relation: str) -> Attempt | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    return Attempt(
        {"input": {"id": gid("Person", person.id), "name": f"改名{next(_serial)}"}},
        _row_of(Person, person.id, "name"),
    )


async def _set_key_groups(world: World, actor: str, relation: str) -> Attempt | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None

    async def tags() -> list[str]:
        return list(await PersonTag.filter(person_id=person.id).values_list("tag", flat=True))

    return Attempt(
        {"input": {"personId": gid("Person", person.id), "keyGroups": ["HARDSHIP"]}}, tags
    )


async def _create_party_branch(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    side = _side(relation)
    return Attempt(
        {
            "input": {
                "name": f"新支部{next(_serial)}",
                "placeId": gid("Grid", world.grid(side).id),
                "gridIds": [gid("Grid", world.grid(f"{side}_grid").id)],
            }
        },
        _count(PartyBranch),
    )


async def _register_party_member(world: World, actor: str, relation: str) -> Attempt | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    branch = await _branch(world, relation)
    return Attempt(
        {
            "input": {
                "personId": gid("Person", person.id),
                "branchId": gid("PartyBranch", branch.id),
            }
        },
        _count(PartyMember),
    )


async def _set_contacts(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    member = await _member(world, actor, relation)
    assert member is not None
    household = await _household_at(_building(world, relation))

    async def contacts() -> list[int]:
        return list(
            await PartyMemberContact.filter(member_id=member.id).values_list(
                "household_id", flat=True
            )
        )

    return Attempt(
        {
            "input": {
                "partyMemberId": gid("PartyMember", member.id),
                "householdIds": [gid("Household", household.id)],
            }
        },
        contacts,
    )


async def _register_volunteer(world: World, actor: str, relation: str) -> Attempt | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    return Attempt(
        {"input": {"personId": gid("Person", person.id), "skills": ["理发"]}}, _count(Volunteer)
    )


async def _create_team(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    place = world.grid(_side(relation))
    return Attempt(
        {"input": {"name": f"新队{next(_serial)}", "placeId": gid("Grid", place.id)}},
        _count(VolunteerTeam),
    )


async def _add_to_team(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    person = await _person(world, actor, relation)
    assert person is not None
    volunteer = await Volunteer.create(person=person, skills=[])
    team = await _team(world, relation)
    return Attempt(
        {
            "input": {
                "teamId": gid("VolunteerTeam", team.id),
                "volunteerId": gid("Volunteer", volunteer.id),
            }
        },
        _count(VolunteerTeamMember),
    )


async def _create_unit(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    place = world.grid(_side(relation))
    return Attempt(
        {
            "input": {
                "name": f"新单位{next(_serial)}",
                "kind": "ENTERPRISE",
                "placeId": gid("Grid", place.id),
            }
        },
        _count(CoBuildingUnit),
    )


async def _assign_worker(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    person = await _person(world, actor, relation)
    assert person is not None
    building = _building(world, relation)
    return Attempt(
        {
            "input": {
                "personId": gid("Person", person.id),
                "placeId": gid("Grid", building.id),
                "post": "MICRO_GRID_WORKER",
                "startedOn": "2026-01-01",
            }
        },
        _count(WorkerAssignment),
    )


async def _end_post(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    person = await _person(world, actor, relation)
    assert person is not None
    post = await WorkerAssignment.create(
        person=person,
        place=_building(world, relation),
        post=WorkerPost.MICRO_GRID_WORKER,
        started_on=date(2026, 1, 1),
    )
    return Attempt(
        {"input": {"id": gid("WorkerAssignment", post.id), "endedOn": "2026-06-30"}},
        _row_of(WorkerAssignment, post.id, "ended_on"),
    )


WRITES = [
    WriteRow("createHousehold", "HouseholdCreated", _create_household, RECORDERS),
    WriteRow("createPerson", "PersonCreated", _create_person, RECORDERS),
    WriteRow("updatePerson", "PersonUpdated", _update_person, RECORDERS),
    WriteRow("setPersonKeyGroups", "PersonKeyGroupsSet", _set_key_groups, RECORDERS),
    WriteRow("createPartyBranch", "PartyBranchCreated", _create_party_branch, CADRES),
    WriteRow("registerPartyMember", "PartyMemberRegistered", _register_party_member, CADRES),
    WriteRow("setContactHouseholds", "ContactHouseholdsSet", _set_contacts, CADRES),
    WriteRow(
        "registerVolunteer",
        "VolunteerRegistered",
        _register_volunteer,
        {**RECORDERS, RESIDENT: only(OWN)},
    ),
    WriteRow("createVolunteerTeam", "VolunteerTeamCreated", _create_team, CADRES),
    WriteRow("addVolunteerToTeam", "VolunteerAddedToTeam", _add_to_team, CADRES),
    WriteRow("createCoBuildingUnit", "CoBuildingUnitCreated", _create_unit, CADRES),
    WriteRow("assignWorker", "WorkerAssigned", _assign_worker, CADRES),
    WriteRow("endWorkerAssignment", "WorkerAssignmentEnded", _end_post, CADRES),
]

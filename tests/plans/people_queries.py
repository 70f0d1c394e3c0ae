"""Query plans of the people and their organisations: persons, households, party branches and
members, volunteers and teams, co-building units and workers' posts, with their nested edges."""

from __future__ import annotations

from datetime import date
from functools import partial

from models.enums import HouseholdRelation, KeyGroup, UnitKind, WorkerPost
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
from permissions.enums import Role
from schema.relay import to_global_id
from tests.plans.plan import Seeded, as_person, by_global_id, connection


async def seed_people(seeded: Seeded) -> Seeded:
    """A household of two in the north building, its head a central household (中心户) and
    key-group resident, the child a volunteer in a team; a key-group resident living alone; a
    grid worker, a party member reported in (双报到) with the household as contact household,
    with a current and a past post; someone in the south; a unit of the north."""
    building, grid, north = seeded["north_building"], seeded["north_grid"], seeded["north"]
    household = await Household.create(building=building, door="1-101", address="1栋1-101")
    head = await Person.create(
        name="张三",
        phone="13800000001",
        place=building,
        household=household,
        relation=HouseholdRelation.HEAD,
    )
    child = await Person.create(
        name="张小", place=building, household=household, relation=HouseholdRelation.CHILD
    )
    alone = await Person.create(name="李四", phone="13800000002", place=building)
    worker = await Person.create(name="王网格", phone="13800000003", place=grid)
    await Person.create(name="赵五", place=seeded["south_building"])
    await PersonTag.create(person=head, tag=KeyGroup.ELDERLY_ALONE)
    await PersonTag.create(person=alone, tag=KeyGroup.HARDSHIP)
    branch = await PartyBranch.create(name="第一网格党支部", place=grid)
    await PartyBranchGrid.create(branch=branch, grid=grid)
    member = await PartyMember.create(person=worker, branch=branch, dual_registered=True)
    await PartyMemberContact.create(member=member, household=household)
    await PartyMember.create(person=head, branch=branch, is_central_household=True)
    volunteer = await Volunteer.create(person=child, skills=["维修"], availability="周末")
    team = await VolunteerTeam.create(name="七色彩虹", place=north)
    await VolunteerTeamMember.create(team=team, volunteer=volunteer)
    unit = await CoBuildingUnit.create(name="区供电公司", kind=UnitKind.ENTERPRISE, place=north)
    posts = [
        await WorkerAssignment.create(
            person=worker,
            place=grid,
            post=WorkerPost.GRID_WORKER,
            started_on=started,
            ended_on=ended,
        )
        for started, ended in ((date(2025, 1, 1), None), (date(2024, 1, 1), date(2024, 12, 31)))
    ]
    return {
        "head": head,
        "child": child,
        "worker": worker,
        "household": household,
        "member": member,
        "volunteer": volunteer,
        "team": team,
        "unit": unit,
        "branch": branch,
        "post": posts[1],
        "household_id": to_global_id("Household", household.id),
        "branch_id": to_global_id("PartyBranch", branch.id),
        "member_id": to_global_id("PartyMember", member.id),
        "team_id": to_global_id("VolunteerTeam", team.id),
    }


as_head = as_person("head")
as_worker = as_person("worker")
cadre = partial(connection, role=Role.COMMUNITY_CADRE, place="north")
NORTH = {"id": "north_id"}

PERSON = "name phone keyGroups household { door } place { name } building { name } grid { name }"
HOUSEHOLD = "door address members { name } building { name } grid { name }"
MEMBER = "dualRegistered person { name } branch { name } contactHouseholds { door }"
VOLUNTEER = "skills person { name } teams { name }"
POST = "post place { name } person { name } workerName workerPhone"

PERSON_QUERIES = [
    cadre("persons", "persons", PERSON),
    cadre("persons of a subtree", "persons", "name", args="subtreeOf: $id", ids=NORTH),
    cadre("persons by key group", "persons", "name", args="keyGroup: ELDERLY_ALONE"),
    cadre(
        "persons of a household",
        "persons",
        "name",
        args="householdId: $id",
        ids={"id": "household_id"},
    ),
    cadre("persons by name", "persons", "name", args='nameContains: "张"'),
    connection(
        "persons a resident sees: their household",
        "persons",
        "name",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_head,
    ),
    connection(
        "persons a grid worker sees who lives there: their grid's and their own",
        "persons",
        "name household { door }",
        role=Role.GRID_WORKER,
        place="north_grid",
        prepare=as_worker,
    ),
    cadre("households", "households", HOUSEHOLD),
    cadre("households of a subtree", "households", "door", args="subtreeOf: $id", ids=NORTH),
    connection(
        "households a grid worker sees who lives there: their grid's and their own",
        "households",
        "door",
        role=Role.GRID_WORKER,
        place="north_grid",
        prepare=as_worker,
    ),
    connection(
        "households a resident sees: their own",
        "households",
        "door members { name }",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_head,
    ),
]

ORGANISATION_QUERIES = [
    connection("party branches", "partyBranches", "name place { name } grids { name }"),
    connection(
        "party branches of a subtree", "partyBranches", "name", args="subtreeOf: $id", ids=NORTH
    ),
    cadre(
        "party branches with their members",
        "partyBranches",
        "name members { totalCount nodes { dualRegistered person { name } } }",
    ),
    cadre("party members", "partyMembers", MEMBER),
    cadre(
        "party members of a branch",
        "partyMembers",
        "dualRegistered",
        args="branchId: $id",
        ids={"id": "branch_id"},
    ),
    cadre(
        "party members reported in", "partyMembers", "dualRegistered", args="dualRegistered: true"
    ),
    cadre(
        "party members not reported in",
        "partyMembers",
        "dualRegistered",
        args="dualRegistered: false",
    ),
    cadre(
        "party members, central households",
        "partyMembers",
        "dualRegistered",
        args="centralHousehold: true",
    ),
    cadre(
        "party members of a subtree",
        "partyMembers",
        "dualRegistered",
        args="subtreeOf: $id",
        ids=NORTH,
    ),
    connection(
        "party membership a member sees: their own",
        "partyMembers",
        "dualRegistered",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_worker,
    ),
    connection(
        "party members a cadre sees who is one: their places' and their own",
        "partyMembers",
        "dualRegistered",
        role=Role.COMMUNITY_CADRE,
        place="south",
        prepare=as_worker,
    ),
    cadre("volunteers", "volunteers", VOLUNTEER),
    cadre("volunteers of a subtree", "volunteers", "skills", args="subtreeOf: $id", ids=NORTH),
    cadre(
        "volunteers of a team", "volunteers", "skills", args="teamId: $id", ids={"id": "team_id"}
    ),
    connection(
        "volunteers a grid worker sees who is one: their grid's and their own",
        "volunteers",
        "skills",
        role=Role.GRID_WORKER,
        place="south_grid",
        prepare=as_person("child"),
    ),
    connection("volunteer teams", "volunteerTeams", "name place { name }"),
    connection(
        "volunteer teams of a subtree", "volunteerTeams", "name", args="subtreeOf: $id", ids=NORTH
    ),
    cadre(
        "volunteer teams with their members",
        "volunteerTeams",
        "name members { totalCount nodes { skills person { name } } }",
    ),
    connection("co-building units", "coBuildingUnits", "name kind place { name }"),
    connection(
        "co-building units of a subtree",
        "coBuildingUnits",
        "name",
        args="subtreeOf: $id",
        ids=NORTH,
    ),
    connection("co-building units by kind", "coBuildingUnits", "name", args="kind: ENTERPRISE"),
    connection("workers' current posts", "workerAssignments", POST),
    connection(
        "workers' posts of a subtree",
        "workerAssignments",
        "post",
        args="subtreeOf: $id",
        ids=NORTH,
    ),
    connection("workers' posts by post", "workerAssignments", "post", args="post: GRID_WORKER"),
    cadre("workers' posts, past ones too", "workerAssignments", POST, args="currentOnly: false"),
    by_global_id(
        "people and organisations by global id",
        """... on Person { name } ... on Household { door } ... on PartyBranch { name }
           ... on PartyMember { dualRegistered } ... on Volunteer { skills }
           ... on VolunteerTeam { name } ... on CoBuildingUnit { name }
           ... on WorkerAssignment { post }""",
        lambda s: [
            ("Person", s["head"]),
            ("Household", s["household"]),
            ("PartyBranch", s["branch"]),
            ("PartyMember", s["member"]),
            ("Volunteer", s["volunteer"]),
            ("VolunteerTeam", s["team"]),
            ("CoBuildingUnit", s["unit"]),
            ("WorkerAssignment", s["post"]),
        ],
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

PEOPLE_QUERIES = PERSON_QUERIES + ORGANISATION_QUERIES

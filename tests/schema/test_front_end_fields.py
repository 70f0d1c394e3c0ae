"""What a front end reads beside the loop: the timeline's actors by name, ``me`` with the
caller's person, household and home, and a reporter's way from the board to their case."""

from __future__ import annotations

from models.auth import User
from models.cases import Case, place_columns
from models.enums import CaseChannel, CaseState
from models.people import Household, Person
from tests.support.cases import build_world, gid, ok, submit
from tests.support.graphql import GraphQLClient

TIMELINE = """query($id: ID!) { node(id: $id) { ... on Case {
  timeline { nodes { action role actorName } } } } }"""
ME = "{ me { username person { name } household { door } home { name } } }"
BOARD = "{ publicCases(first: 10) { nodes { id myCase { id title } } } }"


async def test_the_timeline_names_people_and_falls_back_to_the_login_name(
    gql: GraphQLClient,
) -> None:
    # given a case reported by a resident, accepted and dispatched by the grid worker,
    # signed for by a responder whose account is no person
    world = await build_world(gql)
    case = await submit(world)
    await ok(
        world.as_("worker"),
        "acceptCase",
        caseId=case["id"],
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    await ok(
        world.as_("worker"),
        "dispatchCase",
        caseId=case["id"],
        targets=[{"departmentId": world.dept("property")}],
    )
    await ok(world.as_("property"), "signForCase", caseId=case["id"])
    responder = await User.get(id=world.users["property"])
    # when the reporter reads the timeline
    body = await world.as_("resident").data(TIMELINE, {"id": case["id"]})
    # then each step names who took it
    assert [(e["action"], e["actorName"]) for e in body["node"]["timeline"]["nodes"]] == [
        ("SUBMIT", "王秀英"),
        ("ACCEPT", "陈网格"),
        ("DISPATCH", "陈网格"),
        ("SIGN", responder.username),
    ]


async def test_me_reaches_the_callers_person_household_and_home(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    household = await Household.create(building=world.tree["north_building"], door="3-201")
    await Person.filter(id=world.persons["resident"]).update(household_id=household.id)

    resident = await world.as_("resident").data(ME)
    responder = await world.as_("property").data(ME)

    assert resident["me"] | {"username": ""} == {
        "username": "",
        "person": {"name": "王秀英"},
        "household": {"door": "3-201"},
        "home": {"name": "1栋"},
    }
    assert responder["me"]["person"] is None
    assert responder["me"]["household"] is None
    assert responder["me"]["home"] is None


async def test_a_public_case_leads_its_reporter_and_nobody_else_to_the_case(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    place = world.tree["north_building"]
    case = await Case.create(
        title="路灯不亮",
        description="楼下路灯坏了",
        channel=CaseChannel.ONLINE,
        state=CaseState.REPLIED,
        reply="已修好",
        place_id=place.id,
        **place_columns(place.path),
        reporter_id=world.persons["resident"],
        submitted_month="2026-11",
    )
    public = gid("PublicCase", case.id)
    answers = {}
    for who in ("resident", "south_resident", "worker", "cadre", "property", "admin", None):
        client = world.as_(who) if who else world.gql
        body = await client.data(BOARD)
        (entry,) = [n for n in body["publicCases"]["nodes"] if n["id"] == public]
        answers[who] = entry["myCase"]
    assert answers == {
        "resident": {"id": gid("Case", case.id), "title": "路灯不亮"},
        "south_resident": None,
        "worker": None,
        "cadre": None,
        "property": None,
        "admin": None,
        None: None,
    }

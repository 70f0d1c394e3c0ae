"""Acceptance: a patrol finding (cracked balconies, Lanzhou) turned into a need and a case; grids with no
patrol; a month of visits with one household missed and listed as overdue."""

from __future__ import annotations

from datetime import UTC, datetime

from domain.grid import create_grid_node
from models.cases import Case
from models.enums import GridLevel, KeyGroup
from models.lists import Need
from models.patrols import Patrol, PatrolFinding, Visit
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import household, link_user, person

START = """mutation($grid: ID!) { startPatrol(input: {gridId: $grid, route: "1栋-5栋"}) {
  __typename ... on PatrolStarted { patrol { id endedAt grid { name } } } ... on Error { code } } }"""
FIND = """mutation($patrol: ID!, $place: ID) { recordFinding(input: {patrolId: $patrol,
  kind: SAFETY_HAZARD, description: "3号楼阳台开裂，有坠落风险", placeId: $place}) {
  __typename ... on FindingRecorded { finding { id kind place { name } } }
  ... on Error { code message } ... on ValidationFailed { fieldErrors { field code } } } }"""
TURN = """mutation($finding: ID!) { turnFindingIntoNeed(input: {findingId: $finding,
  category: REPAIR, title: "阳台开裂维修"}) {
  __typename ... on FindingTurnedIntoNeed { need { id state title } } ... on Error { code } } }"""
TURN_CASE = """mutation($finding: ID!) { turnFindingIntoCase(input: {findingId: $finding}) {
  __typename ... on FindingTurnedIntoCase { case { channel title reporterName building { name } } }
  ... on Error { code } } }"""
END = """mutation($patrol: ID!) { endPatrol(input: {id: $patrol, summary: "一处隐患"}) {
  __typename ... on PatrolEnded { patrol { endedAt summary } } ... on Error { code } } }"""
WITHOUT = """query($place: ID!) { gridsWithoutPatrol(placeId: $place, days: 7) {
  totalCount nodes { name parent { name } } } }"""
VISIT = """mutation($person: ID!) { recordVisit(input: {personId: $person, notes: "身体还好"}) {
  __typename ... on VisitRecorded { visit { id person { name } } } ... on Error { code message } } }"""
COVERAGE = """query($place: ID!) { visitCoverage(placeId: $place) {
  grid { name } due visited missed percentage missedPersons { nodes { name } } } }"""


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def test_a_patrol_finding_becomes_a_need_linked_to_it(gql: GraphQLClient) -> None:
    tree = await small_tree()
    worker_user, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    await link_user(worker_user, await person("网格员小李", tree["north_grid"]))
    client = gql.as_(worker)

    started = (await client.data(START, {"grid": gid("Grid", tree["north_grid"].id)}))[
        "startPatrol"
    ]
    assert started["__typename"] == "PatrolStarted"
    assert started["patrol"]["grid"] == {"name": "第一网格"}
    patrol_id = started["patrol"]["id"]
    again = await client.data(START, {"grid": gid("Grid", tree["north_grid"].id)})
    assert again["startPatrol"] == {"__typename": "Conflict", "code": "conflict"}

    outside = await client.data(
        FIND, {"patrol": patrol_id, "place": gid("Grid", tree["south_building"].id)}
    )
    assert outside["recordFinding"]["__typename"] == "ValidationFailed"
    assert outside["recordFinding"]["fieldErrors"] == [{"field": "placeId", "code": "outside_grid"}]
    found = await client.data(
        FIND, {"patrol": patrol_id, "place": gid("Grid", tree["north_building"].id)}
    )
    finding = found["recordFinding"]["finding"]
    assert (finding["kind"], finding["place"]) == ("SAFETY_HAZARD", {"name": "1栋"})

    turned = (await client.data(TURN, {"finding": finding["id"]}))["turnFindingIntoNeed"]
    assert turned["__typename"] == "FindingTurnedIntoNeed"
    assert (turned["need"]["state"], turned["need"]["title"]) == ("POSTED", "阳台开裂维修")
    twice = await client.data(TURN, {"finding": finding["id"]})
    assert twice["turnFindingIntoNeed"]["__typename"] == "Conflict"
    stored = await PatrolFinding.get()
    assert stored.need_id == (await Need.get()).id
    assert stored.case_id is None
    assert await Need.all().count() == 1
    into_case = (await client.data(TURN_CASE, {"finding": finding["id"]}))["turnFindingIntoCase"]
    assert into_case["case"] == {
        "channel": "PATROL",
        "title": "3号楼阳台开裂，有坠落风险",
        "reporterName": "网格员小李",
        "building": {"name": "1栋"},
    }
    assert (await PatrolFinding.get()).case_id == (await Case.get()).id

    ended = (await client.data(END, {"patrol": patrol_id}))["endPatrol"]
    assert ended["patrol"]["summary"] == "一处隐患"
    late = await client.data(FIND, {"patrol": patrol_id, "place": None})
    assert late["recordFinding"]["__typename"] == "InvalidTransition"
    assert await PatrolFinding.all().count() == 1


async def test_grids_without_a_patrol_in_the_last_days(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["street"])
    worker_user, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    await gql.as_(worker).data(START, {"grid": gid("Grid", tree["north_grid"].id)})
    old = await Patrol.create(
        grid_id=tree["south_grid"].id,
        grid_path=tree["south_grid"].path,
        covered_grid_id=tree["south_grid"].id,
        worker_user_id=worker_user,
        started_at=datetime(2020, 1, 1, tzinfo=UTC),
        ended_at=datetime(2020, 1, 1, 2, tzinfo=UTC),
    )
    assert old.id

    body = await gql.as_(cadre).data(WITHOUT, {"place": gid("Grid", tree["street"].id)})

    assert body["gridsWithoutPatrol"] == {
        "totalCount": 1,
        "nodes": [{"name": "第一网格", "parent": {"name": "新亚洲体育城社区"}}],
    }
    denied = await gql.as_(worker)(WITHOUT, {"place": gid("Grid", tree["street"].id)})
    assert denied["data"] is None
    assert denied["errors"][0]["extensions"]["code"] == "permission_denied"


async def test_a_month_of_visits_with_one_household_missed(gql: GraphQLClient) -> None:
    tree = await small_tree()
    building = tree["north_building"]
    second = await create_grid_node(name="3栋", level=GridLevel.BUILDING, parent=tree["north_grid"])
    worker_user, worker = await user_with_role(Role.MICRO_GRID_WORKER, tree["north_grid"])
    await link_user(worker_user, await person("楼栋长老周", building))
    couple = await household(building, "1-101")
    husband = await person("张爷爷", building, household=couple, tags=(KeyGroup.ELDERLY_ALONE,))
    wife = await person("张奶奶", building, household=couple, tags=(KeyGroup.DISABILITY,))
    alone = await person(
        "刘大爷", second, household=await household(second, "2-301"), tags=(KeyGroup.HARDSHIP,)
    )
    floating = await person("外来务工小王", second, tags=(KeyGroup.FLOATING,))
    await person("普通居民", building)  # not in a key group: never due
    stranger = await person("南区居民", tree["south_building"], tags=(KeyGroup.UNEMPLOYED,))
    client = gql.as_(worker)

    for who in (husband, alone):
        body = await client.data(VISIT, {"person": gid("Person", who.id)})
        assert body["recordVisit"]["__typename"] == "VisitRecorded"
    elsewhere = await client.data(VISIT, {"person": gid("Person", stranger.id)})
    assert elsewhere["recordVisit"]["__typename"] == "PermissionDenied"
    assert await Visit.all().count() == 2

    body = await client.data(COVERAGE, {"place": gid("Grid", tree["north_grid"].id)})

    # The visit to 张爷爷 covers his household, 张奶奶 too; 小王 (no household) was missed.
    assert body["visitCoverage"] == [
        {
            "grid": {"name": "第一网格"},
            "due": 4,
            "visited": 3,
            "missed": 1,
            "percentage": 75.0,
            "missedPersons": {"nodes": [{"name": "外来务工小王"}]},
        }
    ]
    assert wife.id and floating.id

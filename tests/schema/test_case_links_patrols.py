"""A patrol finding and what a visit found become cases in one step, linked both ways."""

from __future__ import annotations

from typing import Any

from domain.patrols import record_finding, start_patrol
from domain.visits import record_visit
from models.case_records import CaseEvent
from models.cases import Case
from models.enums import FindingKind
from models.patrols import PatrolFinding, Visit
from models.people import Person
from tests.support.cases import World, build_world, gid
from tests.support.graphql import GraphQLClient

CASE = "id title description channel state reporterName place { name } building { name }"
TURN_FINDING = (
    "mutation($input: TurnFindingIntoCaseInput!) { turnFindingIntoCase(input: $input) { "
    "__typename ... on FindingTurnedIntoCase { case { " + CASE + " } } "
    "... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"
)
TURN_VISIT = (
    "mutation($input: TurnVisitIntoCaseInput!) { turnVisitIntoCase(input: $input) { "
    "__typename ... on VisitTurnedIntoCase { case { " + CASE + " } } "
    "... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"
)
CASES = "{ cases { totalCount nodes { id channel title } } }"
FINDING = "query($id: ID!) { node(id: $id) { ... on PatrolFinding { case { id channel } } } }"
VISIT = "query($id: ID!) { node(id: $id) { ... on Visit { case { id channel } } } }"


async def _finding(world: World) -> PatrolFinding:
    patrol = await start_patrol(
        grid=world.tree["north_grid"],
        worker_user_id=world.users["worker"],
        worker_person_id=world.persons["worker"],
    )
    return await record_finding(
        patrol=patrol,
        kind=FindingKind.SAFETY_HAZARD,
        description="3号楼阳台开裂\n有坠落风险",
        place=world.tree["north_building"],
    )


async def _submit_events() -> list[dict[str, Any]]:
    return [e.payload.get("source") for e in await CaseEvent.all().order_by("id")]


async def test_a_finding_becomes_a_patrol_case_seen_in_cases_and_linked_both_ways(
    gql: GraphQLClient,
) -> None:
    # given a finding on the grid worker's round at 1栋
    world = await build_world(gql)
    finding = await _finding(world)
    worker = world.as_("worker")

    # when the worker turns it into a case
    result = (
        await worker.data(TURN_FINDING, {"input": {"findingId": gid("PatrolFinding", finding.id)}})
    )["turnFindingIntoCase"]

    # then a submitted patrol case reported by the worker is filed under the grid at 1栋
    case = await Case.get()
    assert result == {
        "__typename": "FindingTurnedIntoCase",
        "case": {
            "id": gid("Case", case.id),
            "title": "3号楼阳台开裂",
            "description": "3号楼阳台开裂\n有坠落风险",
            "channel": "PATROL",
            "state": "SUBMITTED",
            "reporterName": "陈网格",
            "place": {"name": "第一网格"},
            "building": {"name": "1栋"},
        },
    }
    assert case.reporter_id == world.persons["worker"]
    assert await _submit_events() == [
        {"patrolFindingId": finding.id, "patrolId": finding.patrol_id}
    ]
    # and it is in the cases list, and the finding links to it
    assert await worker.data(CASES) == {
        "cases": {
            "totalCount": 1,
            "nodes": [{"id": gid("Case", case.id), "channel": "PATROL", "title": "3号楼阳台开裂"}],
        }
    }
    linked = await worker.data(FINDING, {"id": gid("PatrolFinding", finding.id)})
    assert linked == {"node": {"case": {"id": gid("Case", case.id), "channel": "PATROL"}}}
    assert (await PatrolFinding.get(id=finding.id)).case_id == case.id


async def test_a_finding_turned_twice_is_a_conflict_and_leaves_one_case(gql: GraphQLClient) -> None:
    # given a finding already turned into a case
    world = await build_world(gql)
    finding = await _finding(world)
    variables = {"input": {"findingId": gid("PatrolFinding", finding.id), "title": "阳台"}}
    first = await world.as_("worker").data(TURN_FINDING, variables)
    assert first["turnFindingIntoCase"]["__typename"] == "FindingTurnedIntoCase"

    # when it is turned again
    again = await world.as_("cadre").data(TURN_FINDING, variables)

    # then Conflict, and still one case with one event
    assert again == {"turnFindingIntoCase": {"__typename": "Conflict", "code": "conflict"}}
    assert (await Case.all().count(), await CaseEvent.all().count()) == (1, 1)


async def test_a_bad_title_leaves_nothing_half_written(gql: GraphQLClient) -> None:
    # given a finding
    world = await build_world(gql)
    finding = await _finding(world)

    # when the case's title is too long
    result = await world.as_("worker").data(
        TURN_FINDING,
        {"input": {"findingId": gid("PatrolFinding", finding.id), "title": "长" * 101}},
    )

    # then ValidationFailed, no case, no event, and the finding is not linked
    assert result == {
        "turnFindingIntoCase": {
            "__typename": "ValidationFailed",
            "code": "validation_failed",
            "fieldErrors": [{"field": "title", "code": "too_long"}],
        }
    }
    assert (await Case.all().count(), await CaseEvent.all().count()) == (0, 0)
    assert (await PatrolFinding.get(id=finding.id)).case_id is None


async def test_a_finding_of_another_community_is_not_found_and_nothing_written(
    gql: GraphQLClient,
) -> None:
    # given a finding in the north
    world = await build_world(gql)
    finding = await _finding(world)

    # when the south's grid worker tries to turn it into a case
    result = await world.as_("south_worker").data(
        TURN_FINDING, {"input": {"findingId": gid("PatrolFinding", finding.id)}}
    )

    # then NotFound and nothing written
    assert result == {"turnFindingIntoCase": {"__typename": "NotFound", "code": "not_found"}}
    assert await Case.all().count() == 0


async def test_a_visit_becomes_a_home_visit_case_of_the_visited_person(gql: GraphQLClient) -> None:
    # given a visit to the resident of 1栋 that found a leaking pipe
    world = await build_world(gql)
    resident = await Person.get(id=world.persons["resident"])
    visit = await record_visit(
        person=resident,
        visitor_user_id=world.users["worker"],
        visitor_person_id=world.persons["worker"],
        notes="身体还好",
        found="厨房水管漏水",
    )
    worker = world.as_("worker")

    # when the worker turns it into a case
    result = (
        await worker.data(
            TURN_VISIT, {"input": {"visitId": gid("Visit", visit.id), "urgency": "URGENT"}}
        )
    )["turnVisitIntoCase"]

    # then a home-visit case reported for the resident, linked both ways
    case = await Case.get()
    assert result["case"] == {
        "id": gid("Case", case.id),
        "title": "厨房水管漏水",
        "description": "厨房水管漏水",
        "channel": "HOME_VISIT",
        "state": "SUBMITTED",
        "reporterName": "王秀英",
        "place": {"name": "第一网格"},
        "building": {"name": "1栋"},
    }
    assert (case.reporter_id, case.urgency.value) == (resident.id, "urgent")
    assert (await Visit.get(id=visit.id)).case_id == case.id
    assert await _submit_events() == [{"visitId": visit.id}]
    linked = await worker.data(VISIT, {"id": gid("Visit", visit.id)})
    assert linked == {"node": {"case": {"id": gid("Case", case.id), "channel": "HOME_VISIT"}}}
    # and the visited resident, who reported nothing themself, sees it as theirs
    mine = await world.as_("resident").data(CASES)
    assert mine["cases"]["nodes"] == [
        {"id": gid("Case", case.id), "channel": "HOME_VISIT", "title": "厨房水管漏水"}
    ]


async def test_a_visit_that_found_nothing_cannot_become_a_case(gql: GraphQLClient) -> None:
    # given a visit that found nothing
    world = await build_world(gql)
    resident = await Person.get(id=world.persons["resident"])
    visit = await record_visit(
        person=resident, visitor_user_id=world.users["worker"], visitor_person_id=None
    )

    # when it is turned into a case
    result = await world.as_("worker").data(
        TURN_VISIT, {"input": {"visitId": gid("Visit", visit.id)}}
    )

    # then ValidationFailed and nothing written
    assert result == {
        "turnVisitIntoCase": {
            "__typename": "ValidationFailed",
            "code": "validation_failed",
            "fieldErrors": [{"field": "visitId", "code": "nothing_found"}],
        }
    }
    assert await Case.all().count() == 0
    assert (await Visit.get(id=visit.id)).case_id is None

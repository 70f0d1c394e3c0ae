"""Meetings and cases: agenda items taken from cases the caller may see, and decisions that
create a case or update the case they are about, linked both ways."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from domain.cases.common import CaseActor
from domain.cases.submit import CaseReport, submit_case
from domain.meetings import add_agenda_item, create_meeting, record_decision
from models.case_records import CaseEvent
from models.cases import Case, place_columns
from models.enums import CaseChannel, MeetingKind, MeetingLevel
from models.meetings import AgendaItem, Decision, Meeting
from models.people import Person
from tests.support.cases import World, build_world, gid
from tests.support.graphql import GraphQLClient

ADD_ITEM = (
    "mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { __typename "
    "... on AgendaItemAdded { agendaItem { title case { id title } } } "
    "... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"
)
TURN = (
    "mutation($input: TurnDecisionIntoCaseInput!) { turnDecisionIntoCase(input: $input) { "
    "__typename ... on DecisionTurnedIntoCase { created decision { text case { id } } "
    "case { id title description channel state reporterName place { name } "
    "timeline { nodes { action reason } } } } "
    "... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"
)
CASES = "{ cases { totalCount nodes { channel title } } }"


async def _case(world: World, place: str, reporter: str, title: str) -> Case:
    return await submit_case(
        report=CaseReport(
            title=title,
            description=title,
            channel=CaseChannel.STATION,
            place=world.tree[place],
            reporter_id=world.persons[reporter],
        ),
        actor=CaseActor(user_id=world.users[reporter], role="resident"),
        upload_dir=Path("unused"),
    )


async def _meeting(world: World) -> Meeting:
    return await create_meeting(
        title="振兴路社区十一月议事会",
        level=MeetingLevel.COMMUNITY,
        kind=MeetingKind.MONTHLY,
        place=world.tree["north"],
        held_at=datetime(2026, 11, 20, 6, tzinfo=UTC),
        station=None,
        attendees=[],
        organiser_user_id=world.users["cadre"],
    )


async def _decision(world: World, meeting: Meeting, item: AgendaItem | None = None) -> Decision:
    return await record_decision(
        meeting=meeting,
        text="加装楼道扶手",
        agenda_item=item,
        owner=await Person.get(id=world.persons["worker"]),
        owner_department=None,
        deadline=date(2026, 12, 15),
        new_need=None,
        need_poster=None,
        actor_user_id=world.users["cadre"],
    )


async def test_an_agenda_item_is_taken_from_a_case_the_caller_sees(gql: GraphQLClient) -> None:
    # given a meeting of 振兴路社区 and a case reported in its grid
    world = await build_world(gql)
    meeting = await _meeting(world)
    case = await _case(world, "north_building", "resident", "楼道灯不亮")

    # when the cadre puts the case on the agenda
    result = await world.as_("cadre").data(
        ADD_ITEM,
        {
            "input": {
                "meetingId": gid("Meeting", meeting.id),
                "title": "楼道灯",
                "caseId": gid("Case", case.id),
            }
        },
    )

    # then the item links to the case
    assert result == {
        "addAgendaItem": {
            "__typename": "AgendaItemAdded",
            "agendaItem": {
                "title": "楼道灯",
                "case": {"id": gid("Case", case.id), "title": "楼道灯不亮"},
            },
        }
    }
    assert (await AgendaItem.get()).case_id == case.id


async def test_an_agenda_item_from_a_hidden_case_is_not_found_and_nothing_written(
    gql: GraphQLClient,
) -> None:
    # given a meeting of 振兴路社区 and a case of the other community
    world = await build_world(gql)
    meeting = await _meeting(world)
    hidden = await _case(world, "south_building", "south_resident", "供暖不热")

    # when the north's cadre names that case
    result = await world.as_("cadre").data(
        ADD_ITEM,
        {
            "input": {
                "meetingId": gid("Meeting", meeting.id),
                "title": "供暖",
                "caseId": gid("Case", hidden.id),
            }
        },
    )

    # then NotFound, and no agenda item
    assert result == {"addAgendaItem": {"__typename": "NotFound", "code": "not_found"}}
    assert await AgendaItem.all().count() == 0


async def test_a_decision_creates_a_meeting_case_linked_both_ways(gql: GraphQLClient) -> None:
    # given a decision with an owner and a deadline
    world = await build_world(gql)
    meeting = await _meeting(world)
    decision = await _decision(world, meeting)

    # when the cadre turns it into a case
    result = (
        await world.as_("cadre").data(TURN, {"input": {"decisionId": gid("Decision", decision.id)}})
    )["turnDecisionIntoCase"]

    # then a new meeting case at the community, with the decision in its description
    case = await Case.get()
    text = "振兴路社区十一月议事会 (2026-11-20) decided: 加装楼道扶手 — owner 陈网格, by 2026-12-15"
    assert result == {
        "__typename": "DecisionTurnedIntoCase",
        "created": True,
        "decision": {"text": "加装楼道扶手", "case": {"id": gid("Case", case.id)}},
        "case": {
            "id": gid("Case", case.id),
            "title": "加装楼道扶手",
            "description": text,
            "channel": "MEETING",
            "state": "SUBMITTED",
            "reporterName": "周书记",
            "place": {"name": "振兴路社区"},
            "timeline": {"nodes": [{"action": "SUBMIT", "reason": ""}]},
        },
    }
    assert (await Decision.get(id=decision.id)).case_id == case.id
    event = await CaseEvent.get()
    assert event.payload["source"] == {"decisionId": decision.id, "meetingId": meeting.id}
    assert await world.as_("cadre").data(CASES) == {
        "cases": {"totalCount": 1, "nodes": [{"channel": "MEETING", "title": "加装楼道扶手"}]}
    }


async def test_a_decision_on_a_case_item_comments_on_that_case(gql: GraphQLClient) -> None:
    # given a case on the agenda and a decision settling that item
    world = await build_world(gql)
    meeting = await _meeting(world)
    case = await _case(world, "north_building", "resident", "楼道没有扶手")
    item = await add_agenda_item(meeting=meeting, title="扶手", case=case)
    decision = await _decision(world, meeting, item)

    # when the cadre turns the decision into case work
    result = (
        await world.as_("cadre").data(TURN, {"input": {"decisionId": gid("Decision", decision.id)}})
    )["turnDecisionIntoCase"]

    # then the case gets a comment naming the decision, and no new case exists
    text = "振兴路社区十一月议事会 (2026-11-20) decided: 加装楼道扶手 — owner 陈网格, by 2026-12-15"
    assert result["created"] is False
    assert result["case"]["id"] == gid("Case", case.id)
    assert result["case"]["timeline"]["nodes"] == [
        {"action": "SUBMIT", "reason": ""},
        {"action": "COMMENT", "reason": text},
    ]
    assert await Case.all().count() == 1
    assert (await Decision.get(id=decision.id)).case_id == case.id
    comment = await CaseEvent.filter(case_id=case.id).order_by("-id").first()
    assert comment is not None
    assert (comment.payload, comment.role) == (
        {"decisionId": decision.id, "meetingId": meeting.id},
        "community_cadre",
    )


async def test_a_decision_without_deadline_leaves_nothing_written(gql: GraphQLClient) -> None:
    # given a decision with an owner but no deadline
    world = await build_world(gql)
    meeting = await _meeting(world)
    decision = await _decision(world, meeting)
    await Decision.filter(id=decision.id).update(deadline=None)

    # when it is turned into a case
    result = await world.as_("cadre").data(
        TURN, {"input": {"decisionId": gid("Decision", decision.id)}}
    )

    # then ValidationFailed, no case, no event, no link
    assert result == {
        "turnDecisionIntoCase": {
            "__typename": "ValidationFailed",
            "code": "validation_failed",
            "fieldErrors": [{"field": "decisionId", "code": "no_deadline"}],
        }
    }
    assert (await Case.all().count(), await CaseEvent.all().count()) == (0, 0)
    assert (await Decision.get(id=decision.id)).case_id is None


async def test_a_decision_of_a_hidden_meeting_is_not_found(gql: GraphQLClient) -> None:
    # given a decision of the north's meeting
    world = await build_world(gql)
    decision = await _decision(world, await _meeting(world))

    # when the south's grid worker tries to turn it into a case
    result = await world.as_("south_worker").data(
        TURN, {"input": {"decisionId": gid("Decision", decision.id)}}
    )

    # then NotFound and nothing written
    assert result == {"turnDecisionIntoCase": {"__typename": "NotFound", "code": "not_found"}}
    assert await Case.all().count() == 0


async def test_a_link_to_a_case_the_caller_may_not_see_is_null(gql: GraphQLClient) -> None:
    # given a grid meeting with two cases on its agenda, one since moved up to the community
    world = await build_world(gql)
    meeting = await create_meeting(
        title="第一网格议事会",
        level=MeetingLevel.AREA,
        kind=MeetingKind.URGENT,
        place=world.tree["north_grid"],
        held_at=datetime(2026, 11, 20, 6, tzinfo=UTC),
        station=None,
        attendees=[],
        organiser_user_id=world.users["worker"],
    )
    seen = await _case(world, "north_building", "resident", "楼道灯不亮")
    moved = await _case(world, "north_building", "resident", "外墙脱落")
    await add_agenda_item(meeting=meeting, title="灯", case=seen)
    await add_agenda_item(meeting=meeting, title="外墙", case=moved)
    north = world.tree["north"]
    await Case.filter(id=moved.id).update(place_id=north.id, **place_columns(north.path))

    # when the grid worker reads the agenda
    agenda = (
        "query($id: ID!) { node(id: $id) { ... on Meeting { agendaItems { nodes { title "
        "case { title } } } } } }"
    )
    body = await world.as_("worker").data(agenda, {"id": gid("Meeting", meeting.id)})

    # then the moved case is null for them, and whole for the community's cadre
    assert body["node"]["agendaItems"]["nodes"] == [
        {"title": "灯", "case": {"title": "楼道灯不亮"}},
        {"title": "外墙", "case": None},
    ]
    cadre = await world.as_("cadre").data(agenda, {"id": gid("Meeting", meeting.id)})
    assert cadre["node"]["agendaItems"]["nodes"] == [
        {"title": "灯", "case": {"title": "楼道灯不亮"}},
        {"title": "外墙", "case": {"title": "外墙脱落"}},
    ]

"""Acceptance: a meeting whose decision posts a need; volunteer hours counted only after the
organiser verifies them; a full activity and a stranger's verification refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.cases import Case
from models.enums import SignUpState
from models.lists import Need
from models.meetings import Decision
from models.volunteering import ActivitySignUp
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import link_user, party_member, person, volunteer

CREATE_MEETING = """mutation($input: CreateMeetingInput!) { createMeeting(input: $input) {
  __typename ... on MeetingCreated { meeting { id attendees { nodes { kind name } } } }
  ... on Error { code message } } }"""
AGENDA = """mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) {
  __typename ... on AgendaItemAdded { agendaItem { id title need { title } } } ... on Error { code } } }"""
DECIDE = """mutation($input: RecordDecisionInput!) { recordDecision(input: $input) {
  __typename ... on DecisionRecorded { decision { text deadline owner { name }
    need { title state poster { name } } } } ... on Error { code message } } }"""
TURN_DECISION = """mutation($id: ID!) { turnDecisionIntoCase(input: {decisionId: $id}) {
  __typename ... on DecisionTurnedIntoCase { case { channel title } } ... on Error { code } } }"""
MEETING = """query($id: ID!) { node(id: $id) { ... on Meeting { title minutes
  agendaItems { nodes { title } } decisions { nodes { text } } } } }"""
ACTIVITY = """mutation($input: CreateActivityInput!) { createActivity(input: $input) {
  __typename ... on ActivityCreated { activity { id capacity taken } } ... on Error { code } } }"""
SIGN_UP = """mutation($activity: ID!) { signUp(input: {activityId: $activity}) {
  __typename ... on SignedUp { signUp { id state } } ... on Error { code message } } }"""
STEP = """mutation($id: ID!, $at: DateTime) {
  checkIn(input: {signUpId: $id, at: $at}) { __typename ... on Error { code } } }"""
OUT = """mutation($id: ID!, $at: DateTime) {
  checkOut(input: {signUpId: $id, at: $at}) { __typename ... on CheckedOut { signUp { hours state } }
  ... on Error { code } } }"""
VERIFY = """mutation($id: ID!) { verifyHours(input: {signUpId: $id}) {
  __typename ... on HoursVerified { signUp { hours state events { nodes { step toState hours } } } }
  ... on Error { code message } } }"""
HOURS = """query($place: ID!) { volunteerHours(placeId: $place) {
  person { name } hours isVolunteer isPartyMember } }"""
RECORD = """query($id: ID!) { serviceRecord(partyMemberId: $id) { name hours
  activities { totalCount } claimsFulfilled { totalCount } contactVisits { totalCount } } }"""


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def test_a_meeting_decision_posts_a_need_and_creates_a_case(gql: GraphQLClient) -> None:
    tree = await small_tree()
    cadre_user, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    await link_user(cadre_user, await person("社区书记", tree["north"]))
    resident = await person("李阿姨", tree["north_building"])
    owner = await person("物业经理", tree["north"])
    client = gql.as_(cadre)
    created = await client.data(
        CREATE_MEETING,
        {
            "input": {
                "title": "十一月议事会",
                "level": "COMMUNITY",
                "kind": "MONTHLY",
                "placeId": gid("Grid", tree["north"].id),
                "heldAt": "2026-11-20T09:00:00+08:00",
                "attendees": [
                    {"kind": "PARTY", "name": "社区书记"},
                    {"kind": "PROPERTY", "name": "物业经理", "personId": gid("Person", owner.id)},
                    {"kind": "RESIDENT", "name": "居民代表"},
                ],
            }
        },
    )
    meeting = created["createMeeting"]["meeting"]
    assert [a["kind"] for a in meeting["attendees"]["nodes"]] == ["PARTY", "PROPERTY", "RESIDENT"]
    item = (
        await client.data(AGENDA, {"input": {"meetingId": meeting["id"], "title": "小区停车难"}})
    )["addAgendaItem"]["agendaItem"]

    decided = await client.data(
        DECIDE,
        {
            "input": {
                "meetingId": meeting["id"],
                "agendaItemId": item["id"],
                "text": "物业两周内划出临时停车位",
                "ownerId": gid("Person", owner.id),
                "deadline": "2026-12-04",
                "newNeed": {
                    "category": "OTHER",
                    "title": "临时停车位",
                    "posterId": gid("Person", resident.id),
                },
            }
        },
    )

    decision = decided["recordDecision"]["decision"]
    assert decision == {
        "text": "物业两周内划出临时停车位",
        "deadline": "2026-12-04",
        "owner": {"name": "物业经理"},
        "need": {"title": "临时停车位", "state": "POSTED", "poster": {"name": "李阿姨"}},
    }
    stored = await Decision.get()
    assert stored.need_id == (await Need.get()).id
    assert stored.case_id is None

    # the decision becomes a case of the community, linked both ways
    turned = await client.data(TURN_DECISION, {"id": gid("Decision", stored.id)})
    assert turned["turnDecisionIntoCase"]["case"] == {
        "channel": "MEETING",
        "title": "物业两周内划出临时停车位",
    }
    assert (await Decision.get()).case_id == (await Case.get()).id
    shown = await client.data(MEETING, {"id": meeting["id"]})
    assert shown["node"]["decisions"]["nodes"] == [{"text": "物业两周内划出临时停车位"}]
    _, outsider = await user_with_role(Role.COMMUNITY_CADRE, tree["south"])
    assert (await gql.as_(outsider).data(MEETING, {"id": meeting["id"]}))["node"] is None


async def test_hours_count_only_after_the_organiser_verifies_them(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, organiser = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    _, other_worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    helper = await person("志愿者小赵", tree["north_building"])
    await volunteer(helper, "理发")
    member = await party_member(helper)
    helper_user, helper_token = await user_with_role(Role.RESIDENT, tree["north_building"])
    await link_user(helper_user, helper)
    late_user, late_token = await user_with_role(Role.RESIDENT, tree["north_building"])
    await link_user(late_user, await person("来晚的人", tree["north_building"]))
    start = datetime.now(UTC) + timedelta(days=1)
    created = await gql.as_(organiser).data(
        ACTIVITY,
        {
            "input": {
                "title": "周二义务理发",
                "startsAt": start.isoformat(),
                "endsAt": (start + timedelta(hours=3)).isoformat(),
                "placeId": gid("Grid", tree["north_grid"].id),
                "capacity": 1,
                "category": "HAIRCUT",
            }
        },
    )
    activity_id = created["createActivity"]["activity"]["id"]

    signed = (await gql.as_(helper_token).data(SIGN_UP, {"activity": activity_id}))["signUp"]
    assert signed["signUp"]["state"] == "SIGNED_UP"
    full = (await gql.as_(late_token).data(SIGN_UP, {"activity": activity_id}))["signUp"]
    assert full == {
        "__typename": "Conflict",
        "code": "conflict",
        "message": "The activity is full (1 places)",
    }
    sign_up_id = signed["signUp"]["id"]
    await gql.as_(helper_token).data(STEP, {"id": sign_up_id, "at": start.isoformat()})
    out = await gql.as_(helper_token).data(
        OUT, {"id": sign_up_id, "at": (start + timedelta(hours=2, minutes=30)).isoformat()}
    )
    assert out["checkOut"]["signUp"] == {"hours": 2.5, "state": "CHECKED_OUT"}
    place = {"place": gid("Grid", tree["north"].id)}
    assert (await gql.as_(cadre).data(HOURS, place))["volunteerHours"] == []

    stranger = (await gql.as_(other_worker).data(VERIFY, {"id": sign_up_id}))["verifyHours"]
    assert stranger["__typename"] == "PermissionDenied"
    self_verify = (await gql.as_(helper_token).data(VERIFY, {"id": sign_up_id}))["verifyHours"]
    assert self_verify["__typename"] == "PermissionDenied"
    assert (await ActivitySignUp.get()).state is SignUpState.CHECKED_OUT

    verified = (await gql.as_(organiser).data(VERIFY, {"id": sign_up_id}))["verifyHours"]
    assert verified["signUp"] == {
        "hours": 2.5,
        "state": "VERIFIED",
        "events": {
            "nodes": [
                {"step": "sign_up", "toState": "SIGNED_UP", "hours": None},
                {"step": "check_in", "toState": "CHECKED_IN", "hours": None},
                {"step": "check_out", "toState": "CHECKED_OUT", "hours": 2.5},
                {"step": "verify", "toState": "VERIFIED", "hours": 2.5},
            ]
        },
    }
    assert (await gql.as_(cadre).data(HOURS, place))["volunteerHours"] == [
        {"person": {"name": "志愿者小赵"}, "hours": 2.5, "isVolunteer": True, "isPartyMember": True}
    ]
    record = await gql.as_(helper_token).data(RECORD, {"id": gid("PartyMember", member.id)})
    assert record["serviceRecord"] == {
        "name": "志愿者小赵",
        "hours": 2.5,
        "activities": {"totalCount": 1},
        "claimsFulfilled": {"totalCount": 0},
        "contactVisits": {"totalCount": 0},
    }
    hidden = await gql.as_(late_token)(RECORD, {"id": gid("PartyMember", member.id)})
    assert hidden["data"] == {"serviceRecord": None}
    assert hidden["errors"][0]["extensions"]["code"] == "not_found"

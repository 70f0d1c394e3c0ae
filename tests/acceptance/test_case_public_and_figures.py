"""The public board for everyone, the figures for cadres, notifications marked read."""

from __future__ import annotations

from domain.clock import moment
from models.case_records import Notification
from tests.support.cases import World, build_world, gid, ok, submit
from tests.support.graphql import GraphQLClient

BOARD = """{ publicCases { totalCount nodes { id title reply state place { name level }
  category { name } } } }"""


async def _replied(gql: GraphQLClient) -> tuple[World, str]:
    world = await build_world(gql)
    case_id: str = (await submit(world, reporterPhone=""))["id"]
    worker = world.as_("worker")
    await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="GENERAL",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    await ok(worker, "resolveCase", caseId=case_id, result="已修好")
    await ok(world.as_("micro"), "verifyCase", caseId=case_id, passed=True)
    await ok(worker, "replyToReporter", caseId=case_id, text="门禁已修好")
    return world, case_id


async def test_anyone_sees_answered_cases_on_the_board_without_personal_data(
    gql: GraphQLClient,
) -> None:
    _, case_id = await _replied(gql)
    board = await gql.data(BOARD)
    [entry] = board["publicCases"]["nodes"]
    assert entry["title"] == "小区大门损坏"
    assert entry["reply"] == "门禁已修好"
    assert entry["place"] == {"name": "第一网格", "level": "GRID"}  # coarsened from the building
    assert entry["category"] == {"name": "公共设施"}
    assert entry["id"] != case_id
    # the board type has no reporter, address or description at all
    fields = await gql.data('{ __type(name: "PublicCase") { fields { name } } }')
    names = {f["name"] for f in fields["__type"]["fields"]}
    assert not names & {"reporterName", "reporterPhone", "address", "description", "latitude"}
    # and anonymous still cannot open the case itself
    hidden = await gql.data("query($id: ID!) { node(id: $id) { id } }", {"id": case_id})
    assert hidden["node"] is None


async def test_a_submitted_case_is_not_on_the_board(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    await submit(world)
    board = await gql.data(BOARD)
    assert board["publicCases"]["totalCount"] == 0


async def test_a_cadre_reads_the_figures_of_their_community(gql: GraphQLClient) -> None:
    world, _ = await _replied(gql)
    await submit(world, title="垃圾未清运")
    body = await world.as_("cadre").data(
        """query($p: ID!) { caseFigures(placeId: $p) { received accepted resolved
             resolvedOnTime disposalRate satisfactionRate inProgress } }""",
        {"p": world.place("north")},
    )
    assert body["caseFigures"] == [
        {
            "received": 2,
            "accepted": 1,
            "resolved": 1,
            "resolvedOnTime": 1,
            "disposalRate": 1.0,
            "satisfactionRate": None,
            "inProgress": 0,
        }
    ]
    denied = await world.as_("worker")(
        "query($p: ID!) { caseFigures(placeId: $p) { received } }", {"p": world.place("north")}
    )
    assert denied["data"] is None
    assert denied["errors"][0]["extensions"]["code"] == "permission_denied"
    bad_month = await world.as_("cadre")(
        'query($p: ID!) { caseFigures(placeId: $p, monthFrom: "2026-13") { received } }',
        {"p": world.place("north")},
    )
    assert bad_month["errors"][0]["extensions"]["fieldErrors"] == [
        {"field": "monthFrom", "message": "Use YYYY-MM", "code": "bad_month"}
    ]
    by_month = await world.as_("cadre").data(
        "query($p: ID!) { caseFigures(placeId: $p, groupBy: MONTH) { key received } }",
        {"p": world.place("north")},
    )
    assert by_month["caseFigures"] == [{"key": moment().strftime("%Y-%m"), "received": 2}]


async def test_notifications_are_listed_newest_first_and_marked_read(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    case_id = (await submit(world))["id"]
    worker = world.as_("worker")
    await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    await ok(
        worker, "dispatchCase", caseId=case_id, targets=[{"departmentId": world.dept("property")}]
    )
    prop = world.as_("property")
    body = await prop.data(
        "{ myNotifications(unreadOnly: true) { nodes { id kind case { id } } } }"
    )
    [note] = body["myNotifications"]["nodes"]
    assert (note["kind"], note["case"]["id"]) == ("DISPATCHED", case_id)
    read = await prop.data(
        """mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) {
             __typename ... on NotificationRead { notification { readAt } } } }""",
        {"input": {"notificationId": note["id"]}},
    )
    assert read["markNotificationRead"]["notification"]["readAt"] is not None
    others = await worker.data(
        """mutation($input: MarkNotificationReadInput!) { markNotificationRead(input: $input) {
             __typename } }""",
        {"input": {"notificationId": note["id"]}},
    )
    assert others["markNotificationRead"]["__typename"] == "NotFound"
    assert await Notification.filter(read_at__isnull=True).count() == 0

"""The closed loop over HTTP, replaying the articles' cases as the right roles."""

from __future__ import annotations

from models.case_records import CaseEvent, Notification
from models.cases import Case
from tests.support.cases import build_world, gid, ok, run, submit
from tests.support.graphql import GraphQLClient


async def test_danyang_gate_from_report_to_closed_satisfied(gql: GraphQLClient) -> None:
    # given: a micro-grid worker reports the broken gate on a resident's behalf
    world = await build_world(gql)
    case = await submit(
        world,
        who="micro",
        reporterId=gid("Person", world.persons["resident"]),
        channel="PATROL",
    )
    assert case["state"] == "SUBMITTED"
    assert case["reporterName"] == "王秀英"
    assert case["deadline"]["acceptDueAt"] is not None
    case_id = case["id"]
    worker = world.as_("worker")

    # when: the grid worker accepts it as a coordination case and dispatches it to the property
    case = await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
        expectedVersion=1,
    )
    assert case["state"] == "ACCEPTED"
    assert case["deadline"]["handleDueAt"] is not None
    case = await ok(
        worker, "dispatchCase", caseId=case_id, targets=[{"departmentId": world.dept("property")}]
    )
    assert case["state"] == "DISPATCHED"
    assert [d["departmentName"] for d in case["dispatches"]] == ["恒信物业公司"]
    assert case["dispatches"][0]["isLead"] is True

    # and the property company signs, widens the gate and resolves it
    prop = world.as_("property")
    case = await ok(prop, "signForCase", caseId=case_id)
    assert case["state"] == "HANDLING"
    assert case["dispatches"][0]["state"] == "SIGNED"
    case = await ok(prop, "resolveCase", caseId=case_id, result="拓宽东门，更换门禁")
    assert case["state"] == "RESOLVED"

    # and the micro-grid worker verifies on site, the grid worker replies, the resident rates
    case = await ok(world.as_("micro"), "verifyCase", caseId=case_id, passed=True)
    assert case["state"] == "VERIFIED"
    case = await ok(worker, "replyToReporter", caseId=case_id, text="东门已拓宽，门禁已更换")
    assert case["state"] == "REPLIED"
    case = await ok(world.as_("resident"), "rateCase", caseId=case_id, score=5, comment="满意")

    # then: the case is closed and its timeline holds one event per action
    assert case["state"] == "CLOSED"
    actions = [e["action"] for e in case["timeline"]["nodes"]]
    assert actions == [
        "SUBMIT",
        "ACCEPT",
        "DISPATCH",
        "SIGN",
        "RESOLVE",
        "VERIFY_PASS",
        "REPLY",
        "RATE_SATISFIED",
    ]
    roles = [e["role"] for e in case["timeline"]["nodes"]]
    assert roles == [
        "micro_grid_worker",
        "grid_worker",
        "grid_worker",
        "department_responder",
        "department_responder",
        "micro_grid_worker",
        "grid_worker",
        "resident",
    ]
    row = await Case.get(title="小区大门损坏")
    assert row.satisfied is True
    assert row.last_score == 5
    assert row.version == 8
    assert await CaseEvent.filter(case_id=row.id).count() == 8
    # the property company was told of the dispatch
    assert await Notification.filter(recipient_id=world.users["property"]).count() == 1


async def test_lanzhou_heating_pipes_summon_two_departments_with_one_lead(
    gql: GraphQLClient,
) -> None:
    # given: an accepted coordination case
    world = await build_world(gql)
    case = await submit(world, title="供暖管道老化", description="冬季暖气不热")
    case_id = case["id"]
    cadre = world.as_("cadre")
    await ok(
        world.as_("worker"),
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["heating"].id),
    )

    # when: the community cadre blows the whistle: heating company leads, railway office joins
    case = await ok(
        cadre,
        "dispatchCase",
        caseId=case_id,
        targets=[
            {"departmentId": world.dept("heating"), "isLead": True},
            {"departmentId": world.dept("railway")},
        ],
        reportInHours=2,
        note="联合现场踏勘",
    )

    # then: both are summoned with their own report-in deadline, and it counts as 吹哨
    assert case["isWhistle"] is True
    assert [(d["departmentName"], d["isLead"]) for d in case["dispatches"]] == [
        ("热力公司", True),
        ("铁路办事处", False),
    ]
    assert all(d["reportInDueAt"] for d in case["dispatches"])

    # when: both report in and the lead resolves
    case = await ok(world.as_("heating"), "signForCase", caseId=case_id)
    assert case["state"] == "HANDLING"
    case = await ok(world.as_("railway"), "signForCase", caseId=case_id)
    assert [d["attendedAt"] is not None for d in case["dispatches"]] == [True, True]
    case = await ok(world.as_("heating"), "resolveCase", caseId=case_id, result="更换管道200米")
    assert case["state"] == "RESOLVED"
    assert [d["state"] for d in case["dispatches"]] == ["RESOLVED", "RESOLVED"]


async def test_a_returned_case_goes_back_and_is_dispatched_again(gql: GraphQLClient) -> None:
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
        worker, "dispatchCase", caseId=case_id, targets=[{"departmentId": world.dept("heating")}]
    )

    # when: the heating company returns it as not theirs
    empty = await run(world.as_("heating"), "returnCase", caseId=case_id, reason="  ")
    assert empty["__typename"] == "ValidationFailed"
    assert empty["fieldErrors"] == [{"field": "reason", "code": "required"}]
    case = await ok(world.as_("heating"), "returnCase", caseId=case_id, reason="非供暖问题")

    # then: it is back with the dispatcher, counted, and can be dispatched again
    assert case["state"] == "ACCEPTED"
    assert case["returnCount"] == 1
    assert (
        await Notification.filter(recipient_id=world.users["worker"], kind="returned").count() == 1
    )
    case = await ok(
        worker, "dispatchCase", caseId=case_id, targets=[{"departmentId": world.dept("property")}]
    )
    assert case["state"] == "DISPATCHED"
    assert [(d["departmentName"], d["state"]) for d in case["dispatches"]] == [
        ("热力公司", "RETURNED"),
        ("恒信物业公司", "PENDING"),
    ]

"""Reopening after bad ratings, the sweep (overdue, escalation, auto-close), calendar fallback."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.timezone import now

from domain.calendar import SHANGHAI
from domain.case_deadlines import handle_deadline
from domain.case_sweep import sweep
from models.case_records import CaseEvent, Notification
from models.cases import Case
from models.enums import CaseAction, CaseClass
from tests.support.cases import World, build_world, gid, ok, run, submit
from tests.support.graphql import GraphQLClient


async def _general_case_replied(world: World) -> str:
    case_id: str = (await submit(world))["id"]
    worker = world.as_("worker")
    await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="GENERAL",
        categoryId=gid("CaseCategory", world.categories["environment"].id),
    )
    await ok(worker, "resolveCase", caseId=case_id, result="当场清理")
    await ok(world.as_("micro"), "verifyCase", caseId=case_id, passed=True)
    await ok(worker, "replyToReporter", caseId=case_id, text="已清理")
    return case_id


async def _handle_again(world: World, case_id: str) -> None:
    worker = world.as_("worker")
    await ok(worker, "resolveCase", caseId=case_id, result="再次清理")
    await ok(world.as_("micro"), "verifyCase", caseId=case_id, passed=True)
    await ok(worker, "replyToReporter", caseId=case_id, text="已再次清理")


async def test_unsatisfied_twice_reopens_twice_then_a_cadre_closes_with_an_explanation(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    case_id = await _general_case_replied(world)
    resident = world.as_("resident")

    case = await ok(resident, "rateCase", caseId=case_id, score=2, comment="没扫干净")
    assert (case["state"], case["reopenCount"]) == ("REOPENED", 1)
    await _handle_again(world, case_id)
    case = await ok(resident, "rateCase", caseId=case_id, score=1)
    assert (case["state"], case["reopenCount"]) == ("REOPENED", 2)
    await _handle_again(world, case_id)

    # when: a third bad rating
    case = await ok(resident, "rateCase", caseId=case_id, score=1)

    # then: no third reopening; only a cadre closes it, with an explanation
    assert (case["state"], case["reopenCount"]) == ("UNSATISFIED", 2)
    denied = await run(world.as_("worker"), "closeCase", caseId=case_id, explanation="x")
    assert denied["__typename"] == "PermissionDenied"
    missing = await run(world.as_("cadre"), "closeCase", caseId=case_id, explanation="")
    assert missing["fieldErrors"] == [{"field": "explanation", "code": "required"}]
    case = await ok(world.as_("cadre"), "closeCase", caseId=case_id, explanation="已做解释工作")
    assert case["state"] == "CLOSED"
    actions = [e["action"] for e in case["timeline"]["nodes"]]
    assert actions.count("RATE_UNSATISFIED") == 2
    assert actions[-2:] == ["RATE_FINAL_UNSATISFIED", "CLOSE"]


async def test_only_the_reporter_rates_and_only_one_to_five(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    case_id = await _general_case_replied(world)
    other = await run(world.as_("worker"), "rateCase", caseId=case_id, score=5)
    assert other["__typename"] == "PermissionDenied"
    out_of_range = await run(world.as_("resident"), "rateCase", caseId=case_id, score=6)
    assert out_of_range["fieldErrors"] == [{"field": "score", "code": "out_of_range"}]
    assert (await Case.get(title="小区大门损坏")).state.value == "replied"


async def test_sweep_marks_each_overdue_step_once_and_escalates_one_level(
    gql: GraphQLClient,
) -> None:
    # given: a case nobody accepted, in the north grid's building
    world = await build_world(gql)
    case_id = (await submit(world))["id"]
    later = now() + timedelta(hours=25)

    # when: the sweep runs after the 24-hour accept limit, twice
    first = await sweep(later)
    second = await sweep(later + timedelta(minutes=5))

    # then: one mark, escalated from the building to its grid, staff there told once
    assert (first.accept_overdue, first.total) == (1, 1)
    assert second.total == 0
    row = await Case.get(title="小区大门损坏")
    assert row.was_overdue is True
    assert row.escalated_to_id == world.tree["north_grid"].id
    marks = await CaseEvent.filter(case_id=row.id, action=CaseAction.MARK_OVERDUE)
    assert [(m.role, m.payload["step"]) for m in marks] == [("system", "accept")]
    assert (
        await Notification.filter(recipient_id=world.users["worker"], kind="overdue").count() == 1
    )

    # when: accepted late and then left past its handling deadline
    await ok(
        world.as_("worker"),
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    row = await Case.get(id=row.id)
    assert row.handle_due_at is not None
    third = await sweep(row.handle_due_at + timedelta(seconds=1))
    fourth = await sweep(row.handle_due_at + timedelta(hours=1))

    # then: the handling step is marked once more, one level further up (the community)
    assert (third.handle_overdue, third.total, fourth.total) == (1, 1, 0)
    row = await Case.get(id=row.id)
    assert row.escalated_to_id == world.tree["north"].id
    assert await Notification.filter(recipient_id=world.users["cadre"], kind="overdue").count() == 1
    listed = await world.as_("worker").data(
        "{ cases { nodes { deadline { wasOverdue } escalatedTo { name } } } }"
    )
    assert listed["cases"]["nodes"] == [
        {"deadline": {"wasOverdue": True}, "escalatedTo": {"name": "振兴路社区"}}
    ]


async def test_sweep_auto_closes_a_case_not_rated_within_seven_days(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    await _general_case_replied(world)
    assert (await sweep(now() + timedelta(days=6))).auto_closed == 0
    report = await sweep(now() + timedelta(days=7, minutes=1))
    assert report.auto_closed == 1
    assert (await sweep(now() + timedelta(days=8))).auto_closed == 0
    row = await Case.get(title="小区大门损坏")
    assert row.state.value == "closed"
    last = await CaseEvent.filter(case_id=row.id).order_by("-id").first()
    assert last is not None and (last.action, last.role) == (CaseAction.AUTO_CLOSE, "system")


async def test_a_deadline_running_into_2027_warns_that_the_year_is_counted_monday_to_friday(
    db: str,
) -> None:
    # given: 20 working days from 2026-12-20, past the package's last year
    start = datetime(2026, 12, 20, 10, 0, tzinfo=SHANGHAI)
    deadline = await handle_deadline(start, None, CaseClass.APPROVAL)  # 10 working days
    assert deadline.due_at == datetime(2027, 1, 1, 23, 59, 59, tzinfo=SHANGHAI)
    assert [w.split(" ")[0] for w in deadline.warnings] == ["calendar-fallback:2027"]


async def test_the_fallback_warning_reaches_the_cases_deadline_info(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    admin = world.as_("admin")
    body = await admin.data(
        """mutation($input: SetTimeLimitRuleInput!) { setTimeLimitRule(input: $input) {
             __typename ... on TimeLimitRuleSet { rule { handleDays caseClass } } } }""",
        {"input": {"caseClass": "APPROVAL", "acceptHours": 24, "handleDays": 300}},
    )
    assert body["setTimeLimitRule"]["rule"] == {"handleDays": 300, "caseClass": "APPROVAL"}
    case_id = (await submit(world))["id"]
    case = await ok(
        world.as_("worker"),
        "acceptCase",
        caseId=case_id,
        caseClass="APPROVAL",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    warnings = case["deadline"]["warnings"]
    assert warnings and all(w.startswith("calendar-fallback:") for w in warnings)

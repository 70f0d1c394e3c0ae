"""Random actions by random roles (hypothesis, stateful): only table edges are ever taken, and every
state change left exactly one event; a refused action changed nothing."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from tortoise.context import TortoiseContext

from api.db import tortoise_config
from domain import case_month_figures as month_figures
from domain.case_statistics import GroupBy, case_figures
from domain.case_workflow import PERMISSION, TABLE
from domain.cases import closing, dispatching, extras, handling, intake
from domain.cases.common import CaseActor
from domain.cases.dispatching import DispatchTarget
from domain.errors import DomainError
from domain.grid import create_grid_node
from models.case_records import CaseDispatch, CaseEvent
from models.cases import Case, CaseCategory, place_columns
from models.enums import CaseAction, CaseChannel, CaseClass, DispatchState, GridLevel
from models.org import Department
from models.people import Person
from permissions.case_roles import case_role
from permissions.enforcer import reload
from permissions.enums import Role
from permissions.viewer import Grant, Viewer
from tests.support.cases import quick_user

ROLES = (Role.RESIDENT, Role.GRID_WORKER, Role.COMMUNITY_CADRE, Role.DEPARTMENT_RESPONDER)
VERBS = (
    "accept",
    "reject",
    "dispatch",
    "summon",
    "sign",
    "return",
    "extend",
    "resolve",
    "verify_pass",
    "verify_fail",
    "reply",
    "rate_good",
    "rate_bad",
    "close",
    "comment",
    "escalate",
)
# The table action each verb is decided by (the verb itself may pick a sibling edge).
DECIDED_BY = {
    "accept": CaseAction.ACCEPT,
    "reject": CaseAction.REJECT,
    "dispatch": CaseAction.DISPATCH,
    "summon": CaseAction.DISPATCH,
    "sign": CaseAction.SIGN,
    "return": CaseAction.RETURN_CASE,
    "extend": CaseAction.REQUEST_EXTENSION,
    "resolve": CaseAction.RESOLVE,
    "verify_pass": CaseAction.VERIFY_PASS,
    "verify_fail": CaseAction.VERIFY_FAIL,
    "reply": CaseAction.REPLY,
    "rate_good": CaseAction.RATE_SATISFIED,
    "rate_bad": CaseAction.RATE_UNSATISFIED,
    "close": CaseAction.CLOSE,
    "comment": CaseAction.COMMENT,
    "escalate": CaseAction.ESCALATE,
}
_names = itertools.count(1)


@dataclass
class Stage:
    case: Case
    viewers: dict[Role, Viewer]
    departments: list[Department]
    category: CaseCategory
    street_path: str


async def _stage() -> Stage:
    suffix = uuid.uuid4().hex[:8]
    street = await create_grid_node(name=f"街道{suffix}", level=GridLevel.STREET, parent=None)
    community = await create_grid_node(name="社区", level=GridLevel.COMMUNITY, parent=street)
    grid = await create_grid_node(name="网格", level=GridLevel.GRID, parent=community)
    category = await CaseCategory.create(name=f"类别{suffix}")
    departments = [
        await Department.create(name=f"部门{suffix}-{i}", kind="government") for i in range(2)
    ]
    person = await Person.create(name="居民", place_id=grid.id)
    places: dict[Role, Any] = {
        Role.RESIDENT: grid,
        Role.GRID_WORKER: grid,
        Role.COMMUNITY_CADRE: community,
        Role.DEPARTMENT_RESPONDER: departments[0],
    }
    viewers = {}
    for role, place in places.items():
        person_id = person.id if role is Role.RESIDENT else None
        user_id, _ = await quick_user(role, place, person_id=person_id)
        domain = f"dept:{place.id}" if isinstance(place, Department) else place.path
        viewers[role] = Viewer(
            subject=f"user:{user_id}",
            user_id=user_id,
            person_id=person_id,
            grants=(Grant(role, domain),),
        )
    await reload()
    case = await Case.create(
        title="随机事项",
        description="随机",
        channel=CaseChannel.STATION,
        place_id=grid.id,
        **place_columns(grid.path),
        reporter_id=person.id,
        submitted_month="2026-11",
        category_id=category.id,
    )
    await month_figures.apply(None, month_figures.snapshot(case))  # as submitting does
    await CaseEvent.create(
        case_id=case.id, action=CaseAction.SUBMIT, to_state="submitted", role="resident"
    )
    return Stage(case, viewers, departments, category, street.path)


def _call(
    stage: Stage, verb: str, case: Case, actor: CaseActor, dispatch: CaseDispatch | None
) -> Callable[[], Awaitable[Any]]:
    d0, d1 = stage.departments
    calls: dict[str, Callable[[], Awaitable[Any]]] = {
        "accept": lambda: intake.accept_case(
            case=case, actor=actor, case_class=CaseClass.GENERAL, category=stage.category
        ),
        "reject": lambda: intake.reject_case(case=case, actor=actor, reason="不予受理"),
        "dispatch": lambda: dispatching.dispatch_case(
            case=case, actor=actor, targets=[DispatchTarget(department=d0)]
        ),
        "summon": lambda: dispatching.dispatch_case(
            case=case,
            actor=actor,
            targets=[DispatchTarget(department=d0, is_lead=True), DispatchTarget(department=d1)],
        ),
        "sign": lambda: (
            dispatching.sign_for_case(case=case, actor=actor, dispatch=dispatch)
            if dispatch
            else _refuse()
        ),
        "return": lambda: (
            dispatching.return_case(case=case, actor=actor, dispatch=dispatch, reason="退回")
            if dispatch
            else _refuse()
        ),
        "extend": lambda: handling.request_extension(case=case, actor=actor, days=2, reason="延期"),
        "resolve": lambda: handling.resolve_case(
            case=case, actor=actor, result="办结", upload_dir=Path("/nonexistent")
        ),
        "verify_pass": lambda: handling.verify_case(case=case, actor=actor, passed=True),
        "verify_fail": lambda: handling.verify_case(
            case=case, actor=actor, passed=False, note="未修好"
        ),
        "reply": lambda: handling.reply_to_reporter(case=case, actor=actor, text="答复"),
        "rate_good": lambda: closing.rate_case(case=case, actor=actor, score=5),
        "rate_bad": lambda: closing.rate_case(case=case, actor=actor, score=1),
        "close": lambda: closing.close_case(case=case, actor=actor, explanation="解释"),
        "comment": lambda: extras.comment_on_case(case=case, actor=actor, text="备注"),
        "escalate": lambda: extras.escalate_case(case=case, actor=actor, reason="吹哨"),
    }
    return calls[verb]


async def _refuse() -> None:
    raise DomainError("no dispatch of yours")


async def _step(stage: Stage, verb: str, role: Role) -> None:
    """One action by one role: a refused one changes nothing, a taken one is a table edge that
    left exactly one event."""
    case = await Case.get(id=stage.case.id)
    before = (case.state, case.version, await CaseEvent.filter(case_id=case.id).count())
    viewer = stage.viewers[role]
    dispatch = await CaseDispatch.filter(
        case_id=case.id,
        department_id__in=list(viewer.department_ids) or [-1],
        state__in=[DispatchState.PENDING, DispatchState.SIGNED],
    ).first()
    permission = PERMISSION[DECIDED_BY[verb]]
    assert permission is not None
    acting = case_role(
        viewer,
        permission,
        place_path=case.place_path,
        department_ids=[dispatch.department_id] if dispatch and dispatch.department_id else [],
        is_reporter=viewer.person_id == case.reporter_id,
    )
    event = None
    if acting is not None:
        actor = CaseActor(user_id=viewer.user_id, person_id=viewer.person_id, role=acting)
        try:
            event = await _call(stage, verb, case, actor, dispatch)()
        except DomainError:
            event = None
    after_case = await Case.get(id=case.id)
    events = await CaseEvent.filter(case_id=case.id).order_by("id")
    if event is None:
        assert (after_case.state, after_case.version, len(events)) == before
        return
    assert len(events) == before[2] + 1
    last = events[-1]
    assert last.id == event.id
    assert (last.from_state, last.action) in TABLE
    assert TABLE[(last.from_state, last.action)].to == last.to_state == after_case.state
    assert last.from_state == before[0]
    assert after_case.version == before[1] + 1


class CaseLoopMachine(RuleBasedStateMachine):
    """Hypothesis's stateful testing over one case: each rule is one action by one role. The
    machine runs its own event loop (stateful rules are synchronous) and its own database
    connection; ``database_url`` is set by the test below."""

    database_url = ""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        # Entered here, outside the loop, so every task the loop runs inherits it.
        self.context = TortoiseContext().__enter__()
        self.stage = self.loop.run_until_complete(self._open())

    async def _open(self) -> Stage:
        await self.context.init(
            config=tortoise_config(self.database_url), _enable_global_fallback=True
        )
        return await _stage()

    @rule(verb=st.sampled_from(VERBS), role=st.sampled_from(ROLES))
    def act(self, verb: str, role: Role) -> None:
        self.loop.run_until_complete(_step(self.stage, verb, role))

    @invariant()
    def state_is_one_the_table_knows(self) -> None:
        case = self.loop.run_until_complete(Case.get(id=self.stage.case.id))
        states = {key[0] for key in TABLE} | {edge.to for edge in TABLE.values()}
        assert case.state in states

    @invariant()
    def kept_figures_are_what_counting_the_cases_gives(self) -> None:
        at = datetime.now(UTC)
        kept, live = (
            self.loop.run_until_complete(
                case_figures(
                    place_path=self.stage.street_path,
                    group_by=GroupBy.CATEGORY,
                    at=at,
                    live=live,
                )
            )
            for live in (False, True)
        )
        assert kept == live

    def teardown(self) -> None:
        self.loop.run_until_complete(self.context.close_connections())
        self.context.__exit__(None, None, None)
        self.loop.close()


def test_random_actions_by_random_roles_only_take_table_edges(database_url: str) -> None:
    CaseLoopMachine.database_url = database_url
    run_state_machine_as_test(
        CaseLoopMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        ),
    )

"""Cases for a generated district: three years of concerns (2024-01-01 .. 2026-11-20) in every
grid and category, each walked through the workflow table (domain/case_workflow.py) one event
per step, with its dispatches (some joint, 吹哨报到, with a lead) and ratings. Cases whose next
step would lie after ``UNTIL`` stop where they are (recent ones are still in progress), and a
step that runs past its limit is preceded by the sweep's mark_overdue event.

Rows get explicit ids and go in with bulk inserts, ``CHUNK`` cases (and their records) at a
time, so memory stays flat whatever the count."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from tortoise import connections
from tortoise.fields import CharField, FloatField, IntField, TextField
from tortoise.models import Model
from tortoise.transactions import in_transaction

from domain.case_workflow import IN_PROGRESS, transition
from models.case_records import CaseDispatch, CaseEvent, CaseRating
from models.cases import Case, CaseCategory
from models.enums import (
    CaseAction,
    CaseChannel,
    CaseClass,
    CaseState,
    CaseUrgency,
    DepartmentKind,
    DispatchState,
)
from models.org import Department

A = CaseAction
S = CaseState
Progress = Callable[[str, int], None]
CASE_TABLES = (CaseCategory, Department, Case, CaseEvent, CaseDispatch, CaseRating)

# Shanghai time, as the ORM stores it (so stored times compare as text on SQLite)
SHANGHAI = timezone(timedelta(hours=8))
START = datetime(2024, 1, 1, tzinfo=SHANGHAI)
UNTIL = datetime(2026, 11, 21, tzinfo=SHANGHAI)
CHUNK = 5_000
ACCEPT_HOURS = 24
HANDLE_DAYS = 5

CATEGORIES = {
    "环境卫生": ("楼道堆放杂物", "垃圾清运不及时", "小区绿化带脏乱"),
    "公共设施": ("路灯不亮", "单元门禁损坏", "健身器材破损"),
    "物业管理": ("电梯经常停运", "物业费争议", "地下车库漏水"),
    "市政道路": ("道路坑洼积水", "井盖松动", "人行道破损"),
    "供暖供水": ("暖气不热", "停水未通知", "水压太低"),
    "邻里纠纷": ("楼上噪音扰民", "宠物扰民", "占用公共车位"),
    "安全隐患": ("电动车楼道充电", "消防通道堵塞", "外墙脱落"),
    "民生服务": ("老人就餐困难", "低保申请咨询", "就业帮扶需求"),
}
DEPARTMENTS = (
    ("区城市管理局", DepartmentKind.GOVERNMENT),
    ("区住房和城乡建设局", DepartmentKind.GOVERNMENT),
    ("区民政局", DepartmentKind.GOVERNMENT),
    ("区生态环境分局", DepartmentKind.GOVERNMENT),
    ("江北物业服务有限公司", DepartmentKind.PROPERTY_COMPANY),
    ("城北物业管理公司", DepartmentKind.PROPERTY_COMPANY),
    ("市热力公司", DepartmentKind.UTILITY),
    ("市自来水公司", DepartmentKind.UTILITY),
    ("市供电公司江北分公司", DepartmentKind.UTILITY),
    ("江北派出所", DepartmentKind.POLICE_STATION),
    ("区消防救援大队", DepartmentKind.PUBLIC_SERVICE),
    ("区社区卫生服务中心", DepartmentKind.PUBLIC_SERVICE),
)
ROLE = {
    A.SUBMIT: "resident",
    A.ACCEPT: "grid_worker",
    A.REJECT: "grid_worker",
    A.MERGE: "grid_worker",
    A.RESOLVE: "grid_worker",
    A.DISPATCH: "community_cadre",
    A.VERIFY_PASS: "community_cadre",
    A.VERIFY_FAIL: "community_cadre",
    A.REPLY: "community_cadre",
    A.SIGN: "department_responder",
    A.RETURN_CASE: "department_responder",
    A.RATE_SATISFIED: "reporter",
    A.RATE_UNSATISFIED: "reporter",
    A.COMMENT: "community_cadre",
    A.AUTO_CLOSE: "system",
    A.MARK_OVERDUE: "system",
}
# How often each channel is used; a channel added later without a weight is used rarely.
_CHANNEL_SHARE = {
    CaseChannel.STATION: 20,
    CaseChannel.WECHAT_GROUP: 15,
    CaseChannel.HOTLINE: 10,
    CaseChannel.MAILBOX: 3,
    CaseChannel.PATROL: 20,
    CaseChannel.HOME_VISIT: 10,
    CaseChannel.HOTLINE_12345: 12,
    CaseChannel.PARTNER_APP: 2,
    CaseChannel.ONLINE: 8,
}
CHANNELS = list(CaseChannel)
CHANNEL_WEIGHTS = [_CHANNEL_SHARE.get(channel, 1) for channel in CHANNELS]


@dataclass(frozen=True)
class Grid:
    """A grid cases are reported in, and the ids of the residents living there."""

    id: int
    path: str
    first_person: int
    last_person: int


class _Row(dict[str, Any]):
    """A row to insert, its columns read and set as attributes (far cheaper than a Model)."""

    def __getattr__(self, name: str) -> Any:
        return self.get(name)

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


@dataclass
class _Batch:
    cases: list[_Row] = field(default_factory=list)
    events: list[_Row] = field(default_factory=list)
    dispatches: list[_Row] = field(default_factory=list)
    ratings: list[_Row] = field(default_factory=list)


def _hours(rng: random.Random, mean: float) -> timedelta:
    return timedelta(hours=rng.expovariate(1 / mean))


def _script(rng: random.Random) -> tuple[CaseClass | None, list[A]]:
    """The actions a case will go through if nothing stops it, after its submission."""
    r = rng.random()
    if r < 0.03:
        return None, [A.REJECT]
    if r < 0.05:
        return None, [A.MERGE]
    r = rng.random()
    if r < 0.55:
        case_class, handling = CaseClass.GENERAL, [A.RESOLVE]
    elif r < 0.88:
        case_class, handling = CaseClass.COORDINATION, [A.DISPATCH, A.SIGN, A.RESOLVE]
        if rng.random() < 0.06:  # 退单: the department says it is not theirs
            handling = [A.DISPATCH, A.RETURN_CASE, *handling]
    else:  # 吹哨报到: a lead and a second department summoned
        case_class = CaseClass.EMERGENCY if rng.random() < 0.3 else CaseClass.COORDINATION
        handling = [A.DISPATCH, A.DISPATCH, A.SIGN, A.SIGN, A.RESOLVE]
    script = [A.ACCEPT, *handling]
    if rng.random() < 0.03:
        script += [A.VERIFY_FAIL, A.RESOLVE]
    script += [A.VERIFY_PASS, A.REPLY]
    r = rng.random()
    if r < 0.06:  # 重办: unsatisfied, handled again, then satisfied
        again = [A.RESOLVE] if case_class is CaseClass.GENERAL else [A.DISPATCH, A.SIGN, A.RESOLVE]
        script += [A.RATE_UNSATISFIED, *again, A.VERIFY_PASS, A.REPLY, A.RATE_SATISFIED]
    elif r < 0.14:
        script.append(A.AUTO_CLOSE)
    else:
        script.append(A.RATE_SATISFIED)
    if rng.random() < 0.1:
        script.insert(rng.randint(1, len(script) - 1), A.COMMENT)
    return case_class, script


_GAP_HOURS = {
    A.ACCEPT: 5.0,
    A.REJECT: 4.0,
    A.MERGE: 4.0,
    A.DISPATCH: 3.0,
    A.SIGN: 6.0,
    A.RETURN_CASE: 10.0,
    A.RESOLVE: 40.0,
    A.VERIFY_PASS: 8.0,
    A.VERIFY_FAIL: 8.0,
    A.REPLY: 6.0,
    A.RATE_SATISFIED: 30.0,
    A.RATE_UNSATISFIED: 30.0,
    A.COMMENT: 5.0,
}


class _Writer:
    """Builds one case at a time into the current batch; ids are counted here."""

    def __init__(
        self,
        rng: random.Random,
        grids: Sequence[Grid],
        categories: list[tuple[int, tuple[str, ...]]],
        departments: list[int],
    ) -> None:
        self.rng = rng
        self.grids = grids
        self.categories = categories
        self.departments = departments
        self.case_id = 0
        self.event_id = 0
        self.dispatch_id = 0
        self.rating_id = 0
        self.batch = _Batch()

    def _event(
        self, case_id: int, action: A, before: S | None, after: S, at: datetime, payload: dict
    ) -> None:
        self.event_id += 1
        self.batch.events.append(
            _Row(
                id=self.event_id,
                case_id=case_id,
                action=action,
                from_state=before,
                to_state=after,
                role=ROLE.get(action, "community_cadre"),
                payload=payload,
                created_at=at,
            )
        )

    def case(self, submitted: datetime) -> None:
        rng = self.rng
        self.case_id += 1
        pk = self.case_id
        grid = self.grids[rng.randrange(len(self.grids))]
        category_id, titles = self.categories[rng.randrange(len(self.categories))]
        reporter = rng.randint(grid.first_person, grid.last_person)
        case_class, script = _script(rng)
        urgency = CaseUrgency.CRITICAL if case_class is CaseClass.EMERGENCY else CaseUrgency.NORMAL
        row = _Row(
            id=pk,
            title=titles[pk % len(titles)],
            description=f"居民反映：{titles[pk % len(titles)]}，请尽快处理。",
            category_id=category_id,
            urgency=urgency,
            channel=rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0],
            state=S.SUBMITTED,
            place_id=grid.id,
            place_path=grid.path,
            reporter_id=reporter,
            submitted_month=submitted.strftime("%Y-%m"),
            accept_due_at=submitted + timedelta(hours=ACCEPT_HOURS),
            created_at=submitted,
            version=1,
            reopen_count=0,
            return_count=0,
            is_whistle=False,
            was_overdue=False,
        )
        state = S.SUBMITTED
        self._event(pk, A.SUBMIT, None, state, submitted, {})
        at = submitted
        active: list[_Row] = []
        round_dispatches = 0
        stuck = rng.random() < 0.003  # a few old cases nobody moved on: long overdue
        cut = rng.randint(0, len(script) - 1) if stuck else len(script)
        for action in script[:cut]:
            step_at = at + _hours(rng, _GAP_HOURS.get(action, 24.0))
            if action is A.AUTO_CLOSE:
                step_at = at + timedelta(days=7)
            if step_at > UNTIL:
                break
            self._overdue(row, state, step_at)
            at = step_at
            payload: dict = {}
            edge = transition(state, action)
            if action is A.ACCEPT:
                row.case_class = case_class
                row.accepted_at = at
                row.handle_due_at = at + timedelta(days=HANDLE_DAYS)
            elif action is A.MERGE:
                row.merged_into_id = max(1, pk - 1 - rng.randrange(50)) if pk > 1 else None
                if row.merged_into_id is None:
                    edge = transition(state, A.REJECT)
                    action = A.REJECT
            elif action is A.DISPATCH:
                if state is not S.DISPATCHED and state is not S.HANDLING:
                    round_dispatches = 0
                department = self.departments[rng.randrange(len(self.departments))]
                self.dispatch_id += 1
                dispatch = _Row(
                    id=self.dispatch_id,
                    case_id=pk,
                    department_id=department,
                    is_lead=round_dispatches == 0,
                    round=row.reopen_count,
                    state=DispatchState.PENDING,
                    report_in_due_at=at + timedelta(hours=24),
                    handle_due_at=row.handle_due_at,
                    created_at=at,
                )
                round_dispatches += 1
                if round_dispatches > 1:
                    row.is_whistle = True
                active.append(dispatch)
                self.batch.dispatches.append(dispatch)
                payload = {"department_id": department, "lead": dispatch.is_lead}
            elif action is A.SIGN:
                signing = next(d for d in active if d.state is DispatchState.PENDING)
                signing.state = DispatchState.SIGNED
                signing.attended_at = at
                payload = {"dispatch_id": signing.id}
            elif action is A.RETURN_CASE:
                returned = active.pop()
                returned.state = DispatchState.RETURNED
                returned.returned_at = at
                returned.return_reason = "不属于本单位职责"
                row.return_count += 1
                payload = {"dispatch_id": returned.id}
            elif action is A.RESOLVE:
                for d in active:
                    d.state = DispatchState.RESOLVED
                active = []
                row.resolved_at = at
                row.resolve_seconds = int((at - submitted).total_seconds())
                row.resolved_on_time = row.handle_due_at is not None and at <= row.handle_due_at
                row.resolution = "已现场处置完毕"
            elif action is A.REPLY:
                row.replied_at = at
                row.reply = "您反映的问题已处理，感谢监督。"
            elif action in (A.RATE_SATISFIED, A.RATE_UNSATISFIED):
                satisfied = action is A.RATE_SATISFIED
                score = rng.choice((4, 5, 5)) if satisfied else rng.randint(1, 3)
                self.rating_id += 1
                self.batch.ratings.append(
                    _Row(
                        id=self.rating_id,
                        case_id=pk,
                        round=row.reopen_count,
                        score=score,
                        satisfied=satisfied,
                        rated_by_id=reporter,
                        created_at=at,
                    )
                )
                row.last_score, row.satisfied = score, satisfied
                payload = {"score": score}
                if not satisfied:
                    row.reopen_count += 1
                    row.handle_due_at = at + timedelta(days=HANDLE_DAYS)
            elif action is A.COMMENT:
                payload = {"comment": "已电话联系居民"}
            if edge.to is S.CLOSED:
                row.closed_at = at
            self._event(pk, action, state, edge.to, at, payload)
            state = edge.to
            row.version += 1
        self._overdue(row, state, UNTIL)
        row.state = state
        row.updated_at = at
        self.batch.cases.append(row)

    def _overdue(self, row: _Row, state: S, until: datetime) -> None:
        """The sweep's mark_overdue event, if a limit passed before ``until``."""
        if state is S.SUBMITTED and row.accept_overdue_at is None:
            due = row.accept_due_at
            if due is not None and due < until:
                row.accept_overdue_at = due
                row.was_overdue = True
                self._event(row.id, A.MARK_OVERDUE, state, state, due, {"limit": "accept"})
                row.version += 1
        elif state in IN_PROGRESS and row.handle_overdue_at is None:
            due = row.handle_due_at
            if due is not None and due < until:
                row.handle_overdue_at = due
                row.was_overdue = True
                self._event(row.id, A.MARK_OVERDUE, state, state, due, {"limit": "handle"})
                row.version += 1


class _Inserter:
    """Model.bulk_create's INSERT and value conversion, over plain rows: every column in
    order, the model's default where a row leaves it out (Python-side defaults, as the ORM
    would fill them), converted only where the database needs it (enums, JSON, times)."""

    def __init__(self, model: type[Model]) -> None:
        conn: Any = connections.get("default")
        executor = conn.executor_class(model=model, db=conn)
        self.model = model
        self.sql: str = executor.insert_query_all
        self.columns: list[str] = list(executor.regular_columns_all)
        fields_map = model._meta.fields_map
        self.plan: list[tuple[str, Any, Callable[[Any, Any], Any] | None]] = []
        for name in self.columns:
            f = fields_map[name]
            plain = type(f) in (IntField, CharField, TextField, FloatField)
            default = f.default if f.default is not None else None
            self.plan.append((name, default, None if plain else f.to_db_value))

    def values(self, row: _Row) -> list[Any]:
        out = []
        for name, default, convert in self.plan:
            value = row.get(name, _MISSING)
            if value is _MISSING:
                value = default() if callable(default) else default
            out.append(value if convert is None or value is None else convert(value, None))
        return out

    async def insert(self, rows: list[_Row], progress: Progress | None) -> None:
        if rows:
            conn: Any = connections.get("default")
            for start in range(0, len(rows), 1_000):
                await conn.execute_many(
                    self.sql, [self.values(r) for r in rows[start : start + 1_000]]
                )
        if progress is not None:
            progress(self.model.__name__, len(rows))


_MISSING = object()


async def _reference_data() -> tuple[list[tuple[int, tuple[str, ...]]], list[int]]:
    """The categories and departments the cases use (ids taken after any already there)."""
    first_category = (await CaseCategory.all().order_by("-id").first() or CaseCategory(id=0)).id
    first_department = (await Department.all().order_by("-id").first() or Department(id=0)).id
    categories = [
        CaseCategory(id=first_category + n, name=name) for n, name in enumerate(CATEGORIES, start=1)
    ]
    departments = [
        Department(id=first_department + n, name=name, kind=kind)
        for n, (name, kind) in enumerate(DEPARTMENTS, start=1)
    ]
    await CaseCategory.bulk_create(categories)
    await Department.bulk_create(departments)
    return (
        [(c.id, CATEGORIES[c.name]) for c in categories],
        [d.id for d in departments],
    )


async def generate_cases(
    count: int, grids: Sequence[Grid], *, seed: int = 2026, progress: Progress | None = None
) -> dict[str, int]:
    """Write ``count`` cases in ``grids`` into a database without cases; returns the rows
    written per table."""
    rng = random.Random(seed)
    categories, departments = await _reference_data()
    writer = _Writer(rng, grids, categories, departments)
    span = (UNTIL - START).total_seconds()
    # received times in order, so ids follow time as they would in a live system
    offsets = sorted(rng.random() * span for _ in range(count))
    written = {"Case": 0, "CaseEvent": 0, "CaseDispatch": 0, "CaseRating": 0}
    inserters = {m: _Inserter(m) for m in (Case, CaseEvent, CaseDispatch, CaseRating)}
    for start in range(0, count, CHUNK):
        for offset in offsets[start : start + CHUNK]:
            writer.case(START + timedelta(seconds=offset))
        batch, writer.batch = writer.batch, _Batch()
        async with in_transaction():
            for model, rows in (
                (Case, batch.cases),
                (CaseEvent, batch.events),
                (CaseDispatch, batch.dispatches),
                (CaseRating, batch.ratings),
            ):
                await inserters[model].insert(rows, progress)
                written[model.__name__] += len(rows)
    written["CaseCategory"] = len(categories)
    written["Department"] = len(departments)
    return written

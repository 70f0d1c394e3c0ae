"""The rows of generated cases: one case at a time, its script (demo/district/case_script.py)
walked through the workflow table one event per step, with its dispatches and ratings, into the
current batch. Cases whose next step would lie after ``UNTIL`` stop where they are, and a step
that runs past its limit is preceded by the sweep's mark_overdue event."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from demo.district.case_script import (
    ACCEPT_HOURS,
    HANDLE_DAYS,
    ROLE,
    UNTIL,
    channel,
    gap,
    script,
)
from demo.district.rows import Row
from domain.case_workflow import IN_PROGRESS, transition
from models.cases import place_columns
from models.enums import CaseAction, CaseClass, CaseState, CaseUrgency, DispatchState

A = CaseAction
S = CaseState


@dataclass(frozen=True)
class Grid:
    """A grid cases are reported in, and the ids of the residents living there."""

    id: int
    path: str
    first_person: int
    last_person: int


@dataclass
class Batch:
    """The rows of the cases written since the last batch went in."""

    cases: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    dispatches: list[Row] = field(default_factory=list)
    ratings: list[Row] = field(default_factory=list)


class CaseWriter:
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
        self.batch = Batch()

    def _event(
        self, case_id: int, action: A, before: S | None, after: S, at: datetime, payload: dict
    ) -> None:
        self.event_id += 1
        self.batch.events.append(
            Row(
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
        case_class, actions = script(rng)
        urgency = CaseUrgency.CRITICAL if case_class is CaseClass.EMERGENCY else CaseUrgency.NORMAL
        row = Row(
            id=pk,
            title=titles[pk % len(titles)],
            description=f"居民反映：{titles[pk % len(titles)]}，请尽快处理。",
            category_id=category_id,
            urgency=urgency,
            channel=channel(rng),
            state=S.SUBMITTED,
            place_id=grid.id,
            **place_columns(grid.path),
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
        active: list[Row] = []
        round_dispatches = 0
        stuck = rng.random() < 0.003  # a few old cases nobody moved on: long overdue
        cut = rng.randint(0, len(actions) - 1) if stuck else len(actions)
        for action in actions[:cut]:
            step_at = at + gap(rng, action)
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
                dispatch = Row(
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
                    Row(
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

    def _overdue(self, row: Row, state: S, until: datetime) -> None:
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

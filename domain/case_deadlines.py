"""Time limits of cases (限时办理): the rules per category × class, the deadlines they give on
the working-day calendar, and the one rule of when a case or a dispatch is late.

A case (or one department's dispatch) is late while it waits in a step whose deadline has
passed. The steps are a table (``CASE_STEPS``, ``DISPATCH_STEPS``); the Python check (types),
the query filters (lists, the sweep) and the SQL (the figures) are all derived from it, so they
cannot disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q

from domain.calendar import Deadline, WorkingCalendar
from domain.calendar_store import load_calendar
from domain.case_workflow import IN_PROGRESS
from domain.clock import moment
from models.cases import TimeLimitRule
from models.enums import CaseClass, CaseState, DispatchState


@dataclass(frozen=True)
class Limits:
    """Accept within hours; handle within working days, or within hours when set."""

    accept_hours: int
    handle_days: int
    handle_hours: int | None = None


# Used when no rule matches: emergencies are counted in hours (突发性: reported up at once).
DEFAULT_LIMITS: dict[CaseClass | None, Limits] = {
    None: Limits(accept_hours=24, handle_days=5),
    CaseClass.GENERAL: Limits(accept_hours=24, handle_days=1),
    CaseClass.COORDINATION: Limits(accept_hours=24, handle_days=5),
    CaseClass.EMERGENCY: Limits(accept_hours=1, handle_days=1, handle_hours=4),
    CaseClass.APPROVAL: Limits(accept_hours=24, handle_days=10),
}

# How long each summoned department has to report in (报到), in hours.
REPORT_IN_HOURS = {CaseClass.EMERGENCY: 1}
DEFAULT_REPORT_IN_HOURS = 24


async def limits_for(category_id: int | None, case_class: CaseClass | None) -> Limits:
    """The most specific rule: (category, class), (category, any), (any, class), (any, any)."""
    candidates = [(category_id, case_class), (category_id, None), (None, case_class), (None, None)]
    mine = Q(category_id=category_id) if category_id is not None else Q(pk__in=[])
    rows = await TimeLimitRule.filter(mine | Q(category_id__isnull=True))
    by_key: dict[tuple[int | None, CaseClass | None], TimeLimitRule] = {
        (r.category_id, r.case_class): r for r in rows
    }
    for key in candidates:
        rule = by_key.get(key)
        if rule is not None:
            return Limits(rule.accept_hours, rule.handle_days, rule.handle_hours)
    return DEFAULT_LIMITS.get(case_class, DEFAULT_LIMITS[None])


async def accept_deadline(start: datetime, category_id: int | None) -> Deadline:
    limits = await limits_for(category_id, None)
    return WorkingCalendar().add_hours(start, limits.accept_hours)


async def handle_deadline(
    start: datetime,
    category_id: int | None,
    case_class: CaseClass,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """Resolve-by for a case accepted (or a dispatch signed for) at ``start``."""
    limits = await limits_for(category_id, case_class)
    calendar = calendar or await load_calendar()
    if limits.handle_hours is not None:
        return calendar.add_hours(start, limits.handle_hours)
    return calendar.add_working_days(start, limits.handle_days)


def merge_warnings(*groups: tuple[str, ...] | list[str]) -> list[str]:
    """Warnings in order, each once."""
    return list(dict.fromkeys(w for group in groups for w in group))


def _on(field: str, lookup: str, value: Any) -> dict[str, Any]:
    return {f"{field}__{lookup}": value}


@dataclass(frozen=True)
class Step:
    """A waiting step: the states it covers, its deadline column and its marked-late column."""

    name: str
    states: frozenset[StrEnum]
    due_field: str
    mark_field: str

    def is_late(self, row: Any, at: datetime) -> bool:
        due = getattr(row, self.due_field)
        return row.state in self.states and due is not None and due < at

    def late_q(self, at: datetime) -> Q:
        return Q(state__in=list(self.states), **_on(self.due_field, "lt", at))

    def unmarked_late_q(self, at: datetime) -> Q:
        """Late and not yet marked late (what the sweep picks up)."""
        return self.late_q(at) & Q(**_on(self.mark_field, "isnull", True))

    def late_sql(self, alias: str) -> str:
        """The same check in SQL, with the moment as one ``?`` parameter."""
        states = ", ".join(f"'{state.value}'" for state in sorted(self.states))
        return f"({alias}.state IN ({states}) AND {alias}.{self.due_field} < ?)"


CASE_STEPS = (
    Step("accept", frozenset({CaseState.SUBMITTED}), "accept_due_at", "accept_overdue_at"),
    Step("handle", frozenset(IN_PROGRESS), "handle_due_at", "handle_overdue_at"),
)
DISPATCH_STEPS = (
    Step(
        "report_in", frozenset({DispatchState.PENDING}), "report_in_due_at", "report_in_overdue_at"
    ),
    Step(
        "dispatch_handle", frozenset({DispatchState.SIGNED}), "handle_due_at", "handle_overdue_at"
    ),
)


def is_overdue(row: Any, steps: tuple[Step, ...] = CASE_STEPS, at: datetime | None = None) -> bool:
    """Whether ``row`` (a case, or a dispatch with ``DISPATCH_STEPS``) is late at ``at``."""
    at = at or moment()
    return any(step.is_late(row, at) for step in steps)


def overdue_q(at: datetime, steps: tuple[Step, ...] = CASE_STEPS) -> Q:
    """The rows late at ``at``."""
    late = steps[0].late_q(at)
    for step in steps[1:]:
        late |= step.late_q(at)
    return late


def not_overdue_q(at: datetime, steps: tuple[Step, ...] = CASE_STEPS) -> Q:
    """The rows not late at ``at`` (a step without a deadline is not late: NULL-safe, unlike
    ``exclude(overdue_q(...))``)."""
    waiting = [state for step in steps for state in step.states]
    on_time = Q(state__not_in=waiting)
    for step in steps:
        on_time |= Q(state__in=list(step.states)) & (
            Q(**_on(step.due_field, "isnull", True)) | Q(**_on(step.due_field, "gte", at))
        )
    return on_time


def overdue_sql(alias: str = "c", steps: tuple[Step, ...] = CASE_STEPS) -> str:
    """The rows late now, in SQL; one ``?`` (the moment) per step, ``len(steps)`` in all."""
    return " OR ".join(step.late_sql(alias) for step in steps)

"""The sweep: marks each overdue step once, escalating it one level up the grid tree, and
auto-closes cases nobody rated. Idempotent: a marked step is never marked again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from domain.case_deadlines import CASE_STEPS, DISPATCH_STEPS
from domain.cases.closing import AUTO_CLOSE_AFTER, auto_close_case
from domain.cases.common import SYSTEM, notify, record
from domain.cases.extras import escalation_target
from domain.cases.people import users_at, users_of_department
from domain.clock import moment as now
from domain.errors import ConflictError, InvalidTransitionError
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseAction, CaseState, NotificationKind


@dataclass
class SweepReport:
    """How many steps one sweep marked, and how many cases it closed."""

    accept_overdue: int = 0
    handle_overdue: int = 0
    report_in_overdue: int = 0
    dispatch_overdue: int = 0
    auto_closed: int = 0
    skipped: int = 0  # changed meanwhile: the next sweep looks again

    @property
    def total(self) -> int:
        return (
            self.accept_overdue
            + self.handle_overdue
            + self.report_in_overdue
            + self.dispatch_overdue
            + self.auto_closed
        )

    def count(self, step: str) -> None:
        """One more step marked late (``step`` names a case or dispatch step)."""
        field = STEP_COUNTERS[step]
        setattr(self, field, getattr(self, field) + 1)


# Which counter of the report a step's marks go to.
STEP_COUNTERS = {
    "accept": "accept_overdue",
    "handle": "handle_overdue",
    "report_in": "report_in_overdue",
    "dispatch_handle": "dispatch_overdue",
}


async def _mark(
    case: Case,
    step: str,
    at: datetime,
    *,
    changes: dict[str, Any],
    dispatch: CaseDispatch | None = None,
    dispatch_field: str | None = None,
) -> bool:
    target = await escalation_target(case)
    try:
        async with in_transaction():
            await record(
                case,
                CaseAction.MARK_OVERDUE,
                SYSTEM,
                changes={**changes, "was_overdue": True, "escalated_to_id": target.id},
                reason=f"超时：{step}",
                payload={
                    "step": step,
                    "dispatchId": dispatch.id if dispatch else None,
                    "escalatedToId": target.id,
                },
                at=at,
            )
            recipients = await users_at([target.id])
            if dispatch is not None and dispatch_field is not None:
                updated = await CaseDispatch.filter(
                    id=dispatch.id, **{f"{dispatch_field}__isnull": True}
                ).update(**{dispatch_field: at})
                if updated != 1:
                    raise ConflictError("already marked")
                if dispatch.department_id is not None:
                    recipients += await users_of_department(dispatch.department_id)
            await notify(
                recipients, NotificationKind.OVERDUE, case, f"超时（{step}）：{case.title}"
            )
    except (ConflictError, InvalidTransitionError):
        return False
    return True


async def sweep(at: datetime | None = None) -> SweepReport:
    """Mark every step overdue at ``at`` (now by default) that is not marked yet."""
    at = now(at)
    report = SweepReport()
    for step in CASE_STEPS:
        for case in await Case.filter(step.unmarked_late_q(at)).order_by("id"):
            if await _mark(case, step.name, at, changes={step.mark_field: at}):
                report.count(step.name)
            else:
                report.skipped += 1
    for step in DISPATCH_STEPS:
        for dispatch in await CaseDispatch.filter(step.unmarked_late_q(at)).order_by("id"):
            case = await Case.get(id=dispatch.case_id)
            done = await _mark(
                case, step.name, at, changes={}, dispatch=dispatch, dispatch_field=step.mark_field
            )
            if done:
                report.count(step.name)
            else:
                report.skipped += 1
    unrated = Case.filter(state=CaseState.REPLIED, replied_at__lt=at - AUTO_CLOSE_AFTER)
    for case in await unrated.order_by("id"):
        try:
            await auto_close_case(case=case, at=at)
            report.auto_closed += 1
        except (ConflictError, InvalidTransitionError):
            report.skipped += 1
    return report

"""The sweep: marks each overdue step once, escalating it one level up the grid tree, and
auto-closes cases nobody rated. Idempotent: a marked step is never marked again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from domain.case_workflow import IN_PROGRESS
from domain.cases.closing import AUTO_CLOSE_AFTER, auto_close_case
from domain.cases.common import SYSTEM, notify, record
from domain.cases.extras import escalation_target
from domain.cases.people import users_at, users_of_department
from domain.clock import moment as now
from domain.errors import ConflictError, InvalidTransitionError
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseAction, CaseState, DispatchState, NotificationKind


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
    late_intake = Case.filter(
        state=CaseState.SUBMITTED, accept_due_at__lt=at, accept_overdue_at__isnull=True
    )
    for case in await late_intake.order_by("id"):
        if await _mark(case, "accept", at, changes={"accept_overdue_at": at}):
            report.accept_overdue += 1
        else:
            report.skipped += 1
    late_handling = Case.filter(
        state__in=list(IN_PROGRESS), handle_due_at__lt=at, handle_overdue_at__isnull=True
    )
    for case in await late_handling.order_by("id"):
        if await _mark(case, "handle", at, changes={"handle_overdue_at": at}):
            report.handle_overdue += 1
        else:
            report.skipped += 1
    steps = (
        ("report_in", DispatchState.PENDING, "report_in_due_at", "report_in_overdue_at"),
        ("dispatch_handle", DispatchState.SIGNED, "handle_due_at", "handle_overdue_at"),
    )
    for step, state, due_field, mark_field in steps:
        late = CaseDispatch.filter(
            state=state, **{f"{due_field}__lt": at, f"{mark_field}__isnull": True}
        )
        for dispatch in await late.order_by("id"):
            case = await Case.get(id=dispatch.case_id)
            done = await _mark(
                case, step, at, changes={}, dispatch=dispatch, dispatch_field=mark_field
            )
            if not done:
                report.skipped += 1
            elif step == "report_in":
                report.report_in_overdue += 1
            else:
                report.dispatch_overdue += 1
    unrated = Case.filter(state=CaseState.REPLIED, replied_at__lt=at - AUTO_CLOSE_AFTER)
    for case in await unrated.order_by("id"):
        try:
            await auto_close_case(case=case, at=at)
            report.auto_closed += 1
        except (ConflictError, InvalidTransitionError):
            report.skipped += 1
    return report

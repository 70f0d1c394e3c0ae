"""dispatch_case (派件, and 吹哨报到 when several departments are summoned), sign_for_case
(签收) and return_case (退单)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tortoise.transactions import in_transaction

from domain.case_acting import ACTIVE_DISPATCH, THROUGH_DISPATCH, return_outcome
from domain.case_deadlines import DEFAULT_REPORT_IN_HOURS, REPORT_IN_HOURS, handle_deadline
from domain.cases.common import CaseActor, check_version, clean_text, notify, record
from domain.cases.people import users_of_department
from domain.clock import moment as now
from domain.error_codes import CaseErrorCode, InputErrorCode
from domain.errors import ConflictError, InvalidTransitionError, ValidationFailedError
from models.case_records import CaseDispatch, CaseEvent
from models.cases import Case
from models.enums import CaseAction, CaseClass, DispatchState, NotificationKind
from models.org import Department

MAX_SUMMONED = 10
ACTIVE = ACTIVE_DISPATCH


@dataclass(frozen=True)
class DispatchTarget:
    """A department, or a cadre (a user), the case is sent to."""

    department: Department | None = None
    assignee_id: int | None = None
    is_lead: bool = False

    @property
    def key(self) -> tuple[int | None, int | None]:
        return (self.department.id if self.department else None, self.assignee_id)


def _check_targets(targets: list[DispatchTarget]) -> list[DispatchTarget]:
    if not 1 <= len(targets) <= MAX_SUMMONED:
        raise ValidationFailedError.one(
            "targets", f"Send to 1 to {MAX_SUMMONED}", CaseErrorCode.BAD_COUNT
        )
    for i, t in enumerate(targets):
        if (t.department is None) == (t.assignee_id is None):
            raise ValidationFailedError.one(
                f"targets.{i}", "Name a department or a cadre", CaseErrorCode.BAD_TARGET
            )
    if len({t.key for t in targets}) != len(targets):
        raise ValidationFailedError.one("targets", "Each target once", CaseErrorCode.DUPLICATE)
    if len(targets) == 1:
        return [DispatchTarget(targets[0].department, targets[0].assignee_id, is_lead=True)]
    if sum(t.is_lead for t in targets) != 1:
        raise ValidationFailedError.one(
            "targets", "A joint summons (吹哨报到) has exactly one lead", CaseErrorCode.ONE_LEAD
        )
    return targets


async def dispatch_case(
    *,
    case: Case,
    actor: CaseActor,
    targets: list[DispatchTarget],
    note: str = "",
    report_in_hours: int | None = None,
    expected_version: int | None = None,
) -> CaseEvent:
    """Send the case to one handler, or summon several at once with one lead (吹哨报到).

    Each summoned department gets its own report-in (报到) deadline.
    """
    targets = _check_targets(targets)
    check_version(case, expected_version)
    hours = report_in_hours
    if hours is None:
        hours = REPORT_IN_HOURS.get(case.case_class or CaseClass.GENERAL, DEFAULT_REPORT_IN_HOURS)
    if not 1 <= hours <= 72:
        raise ValidationFailedError.one(
            "reportInHours", "1 to 72 hours", InputErrorCode.OUT_OF_RANGE
        )
    active = await CaseDispatch.filter(case_id=case.id, state__in=ACTIVE)
    if {(d.department_id, d.assignee_id) for d in active} & {t.key for t in targets}:
        raise ConflictError("That handler already has this case")
    if active and any(t.is_lead for t in targets) and len(targets) == 1:
        targets = [DispatchTarget(targets[0].department, targets[0].assignee_id, is_lead=False)]
    sent = now()
    whistle = case.is_whistle or len(targets) + len(active) > 1
    async with in_transaction():
        event = await record(
            case,
            CaseAction.DISPATCH,
            actor,
            changes={"is_whistle": whistle},
            reason=note.strip(),
            payload={
                "targets": [
                    {"departmentId": t.key[0], "assigneeId": t.key[1], "lead": t.is_lead}
                    for t in targets
                ],
                "reportInHours": hours,
            },
            at=sent,
        )
        for t in targets:
            await CaseDispatch.create(
                case_id=case.id,
                department_id=t.key[0],
                assignee_id=t.assignee_id,
                is_lead=t.is_lead,
                round=case.reopen_count,
                dispatched_by_id=actor.user_id,
                note=note.strip(),
                report_in_due_at=sent + timedelta(hours=hours),
            )
            users = await users_of_department(t.department.id) if t.department else [t.assignee_id]
            await notify(users, NotificationKind.DISPATCHED, case, f"新派件：{case.title}")
    return event


def _check_dispatch(case: Case, dispatch: CaseDispatch, *states: DispatchState) -> None:
    if dispatch.case_id != case.id:
        raise ValidationFailedError.one(
            "dispatchId", "Not a dispatch of this case", InputErrorCode.MISMATCH
        )
    if dispatch.state not in states:
        raise ConflictError(f"This dispatch is {dispatch.state.value}")


async def sign_for_case(
    *, case: Case, actor: CaseActor, dispatch: CaseDispatch, expected_version: int | None = None
) -> CaseEvent:
    """The handler signs for the case (签收, reporting in): its handling clock starts."""
    signable = THROUGH_DISPATCH[CaseAction.SIGN]
    if dispatch.case_id == case.id and dispatch.state not in signable:
        # signed already (or ended): a step this dispatch cannot take again, not a race
        raise InvalidTransitionError(
            state=dispatch.state.value, action=CaseAction.SIGN.value, allowed=[], kind=CaseAction
        )
    _check_dispatch(case, dispatch, *signable)
    check_version(case, expected_version)
    signed = now()
    deadline = await handle_deadline(
        signed, case.category_id, case.case_class or CaseClass.COORDINATION
    )
    async with in_transaction():
        event = await record(
            case,
            CaseAction.SIGN,
            actor,
            payload={
                "dispatchId": dispatch.id,
                "handleDueAt": deadline.due_at.isoformat(),
                "warnings": list(deadline.warnings),
            },
            at=signed,
        )
        dispatch.state = DispatchState.SIGNED
        dispatch.attended_at = signed
        dispatch.handle_due_at = deadline.due_at
        dispatch.deadline_warnings = list(deadline.warnings)
        await dispatch.save(
            update_fields=["state", "attended_at", "handle_due_at", "deadline_warnings"]
        )
    return event


async def return_case(
    *,
    case: Case,
    actor: CaseActor,
    dispatch: CaseDispatch,
    reason: str,
    expected_version: int | None = None,
) -> CaseEvent:
    """Return a wrongly routed case (退单): counted, and back to the dispatcher when no other
    summoned handler still holds it."""
    reason = clean_text(reason, field="reason")
    _check_dispatch(case, dispatch, *ACTIVE)
    check_version(case, expected_version)
    others = (
        await CaseDispatch.filter(case_id=case.id, state__in=ACTIVE).exclude(id=dispatch.id).count()
    )
    action = return_outcome(others)
    returned = now()
    async with in_transaction():
        event = await record(
            case,
            action,
            actor,
            changes={"return_count": case.return_count + 1},
            reason=reason,
            payload={"dispatchId": dispatch.id},
            at=returned,
        )
        dispatch.state = DispatchState.RETURNED
        dispatch.returned_at = returned
        dispatch.return_reason = reason
        await dispatch.save(update_fields=["state", "returned_at", "return_reason"])
        await notify(
            [dispatch.dispatched_by_id], NotificationKind.RETURNED, case, f"退单：{case.title}"
        )
    return event

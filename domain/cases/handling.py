"""Handling: extensions (延期), resolve_case (办结), verify_case (核查), reply_to_reporter (反馈)."""

from __future__ import annotations

from pathlib import Path

from tortoise.transactions import in_transaction

from domain.calendar_store import load_calendar
from domain.case_workflow import allowed_actions, open_to
from domain.cases.common import CaseActor, check_version, clean_text, notify, record
from domain.cases.files import UploadedFile, check_files, describe, store_files
from domain.clock import moment as now
from domain.error_codes import InputErrorCode
from domain.errors import ConflictError, InvalidTransitionError, ValidationFailedError
from models.auth import User
from models.case_records import CaseDispatch, CaseEvent, CaseExtension
from models.cases import Case
from models.enums import (
    AttachmentKind,
    CaseAction,
    DispatchState,
    ExtensionState,
    NotificationKind,
)

MAX_EXTENSION_DAYS = 30


async def request_extension(
    *,
    case: Case,
    actor: CaseActor,
    days: int,
    reason: str,
    dispatch: CaseDispatch | None = None,
    expected_version: int | None = None,
) -> CaseEvent:
    """Ask a cadre for ``days`` more working days; one request may be pending at a time."""
    reason = clean_text(reason, field="reason")
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise ValidationFailedError.one(
            "days", f"1 to {MAX_EXTENSION_DAYS}", InputErrorCode.OUT_OF_RANGE
        )
    check_version(case, expected_version)
    if await CaseExtension.filter(case_id=case.id, state=ExtensionState.PENDING).exists():
        raise ConflictError("An extension request is already pending")
    async with in_transaction():
        extension = await CaseExtension.create(
            case_id=case.id,
            dispatch_id=dispatch.id if dispatch else None,
            days=days,
            reason=reason,
            requested_by_id=actor.user_id,
        )
        event = await record(
            case,
            CaseAction.REQUEST_EXTENSION,
            actor,
            reason=reason,
            payload={"days": days, "extensionId": extension.id},
        )
    return event


async def decide_extension(
    *,
    case: Case,
    actor: CaseActor,
    extension: CaseExtension,
    approve: bool,
    note: str = "",
    expected_version: int | None = None,
) -> CaseEvent:
    """Approve (deadlines move by the working days asked) or refuse an extension."""
    if extension.case_id != case.id:
        raise ValidationFailedError.one(
            "extensionId", "Not a request of this case", InputErrorCode.MISMATCH
        )
    if extension.state is not ExtensionState.PENDING:
        raise ConflictError(f"This request was already {extension.state.value}")
    if not approve:
        note = clean_text(note, field="note")
    check_version(case, expected_version)
    changes: dict[str, object] = {}
    payload: dict[str, object] = {"extensionId": extension.id, "approved": approve}
    decided = now()
    calendar = await load_calendar()
    if approve and case.handle_due_at is not None:
        deadline = calendar.add_working_days(case.handle_due_at, extension.days)
        changes = {"handle_due_at": deadline.due_at}
        if deadline.due_at > decided:
            changes["handle_overdue_at"] = None
        payload["handleDueAt"] = deadline.due_at.isoformat()
    async with in_transaction():
        event = await record(
            case,
            CaseAction.DECIDE_EXTENSION,
            actor,
            changes=changes,
            reason=note.strip(),
            payload=payload,
            at=decided,
        )
        extension.state = ExtensionState.APPROVED if approve else ExtensionState.REFUSED
        extension.decided_by_id = actor.user_id
        extension.decided_at = decided
        extension.decision_note = note.strip()
        await extension.save(
            update_fields=["state", "decided_by_id", "decided_at", "decision_note"]
        )
        if approve and extension.dispatch_id is not None:
            dispatch = await CaseDispatch.get(id=extension.dispatch_id)
            if dispatch.handle_due_at is not None:
                moved = calendar.add_working_days(dispatch.handle_due_at, extension.days)
                dispatch.handle_due_at = moved.due_at
                dispatch.handle_overdue_at = None
                await dispatch.save(update_fields=["handle_due_at", "handle_overdue_at"])
        await notify(
            [extension.requested_by_id],
            NotificationKind.EXTENSION,
            case,
            f"延期{'已批准' if approve else '未批准'}：{case.title}",
        )
    return event


async def resolve_case(
    *,
    case: Case,
    actor: CaseActor,
    result: str,
    upload_dir: Path,
    evidence: list[UploadedFile] | None = None,
    expected_version: int | None = None,
) -> CaseEvent:
    """Report the result (办结) with evidence; a general case may be resolved on site, the
    others only once dispatched."""
    result = clean_text(result, field="result")
    files = evidence or []
    check_files(files, field="evidence")
    check_version(case, expected_version)
    open_now = open_to(case.state, case.case_class)
    if CaseAction.RESOLVE not in open_now and CaseAction.RESOLVE in allowed_actions(case.state):
        allowed = [a.value for a in open_now]
        raise InvalidTransitionError(
            state=case.state.value, action="resolve", allowed=allowed, kind=CaseAction
        )
    resolved = now()
    on_time = case.handle_due_at is None or resolved <= case.handle_due_at
    async with in_transaction():
        rows = await store_files(
            case,
            files,
            kind=AttachmentKind.EVIDENCE,
            upload_dir=upload_dir,
            uploaded_by=actor.user_id,
        )
        event = await record(
            case,
            CaseAction.RESOLVE,
            actor,
            changes={
                "resolution": result,
                "resolved_at": resolved,
                "resolve_seconds": int((resolved - case.created_at).total_seconds()),
                "resolved_on_time": on_time,
                "was_overdue": case.was_overdue or not on_time,
            },
            reason=result,
            payload={"onTime": on_time, "evidence": describe(rows)},
            at=resolved,
        )
        await CaseDispatch.filter(case_id=case.id, state=DispatchState.SIGNED).update(
            state=DispatchState.RESOLVED
        )
        # a summoned handler that never reported in has nothing left to do
        await CaseDispatch.filter(case_id=case.id, state=DispatchState.PENDING).update(
            state=DispatchState.WITHDRAWN
        )
    return event


async def verify_case(
    *,
    case: Case,
    actor: CaseActor,
    passed: bool,
    note: str = "",
    expected_version: int | None = None,
) -> CaseEvent:
    """Check the result on site (核查); a failed check sends the case back to handling."""
    if not passed:
        note = clean_text(note, field="note")
    check_version(case, expected_version)
    action = CaseAction.VERIFY_PASS if passed else CaseAction.VERIFY_FAIL
    async with in_transaction():
        event = await record(case, action, actor, reason=note.strip())
        if not passed:
            await CaseDispatch.filter(case_id=case.id, state=DispatchState.RESOLVED).update(
                state=DispatchState.SIGNED
            )
    return event


async def reply_to_reporter(
    *, case: Case, actor: CaseActor, text: str, expected_version: int | None = None
) -> CaseEvent:
    """Answer the reporter (反馈): what they and the public board see."""
    text = clean_text(text, field="text")
    check_version(case, expected_version)
    async with in_transaction():
        event = await record(
            case, CaseAction.REPLY, actor, changes={"reply": text, "replied_at": now()}, reason=text
        )
        if case.reporter_id is not None:
            users = await User.filter(person_id=case.reporter_id).values("id")
            await notify(
                [u["id"] for u in users],
                NotificationKind.REPLIED,
                case,
                f"您反映的问题已答复：{case.title}",
            )
    return event

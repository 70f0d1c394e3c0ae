"""merge_case (duplicates), comment_on_case, attach_to_case, escalate_case (吹哨 by hand)."""

from __future__ import annotations

from pathlib import Path

from tortoise.transactions import in_transaction

from domain.cases.common import CaseActor, check_version, clean_text, notify, record
from domain.cases.files import UploadedFile, check_files, describe, store_files
from domain.cases.people import users_at
from domain.error_codes import CaseErrorCode, InputErrorCode
from domain.errors import ValidationFailedError
from models.case_records import CaseEvent
from models.cases import Case
from models.enums import AttachmentKind, CaseAction, CaseState, NotificationKind
from models.grid import GridNode


async def merge_case(
    *,
    duplicate: Case,
    original: Case,
    actor: CaseActor,
    reason: str = "",
    expected_version: int | None = None,
) -> CaseEvent:
    """Mark ``duplicate`` as a copy of ``original``: it ends, linked both ways, and its
    reporter follows the original (sees it as their own)."""
    if duplicate.id == original.id:
        raise ValidationFailedError.one(
            "originalId", "A case cannot duplicate itself", CaseErrorCode.SAME
        )
    if original.state in (CaseState.MERGED, CaseState.REJECTED):
        raise ValidationFailedError.one(
            "originalId", f"The original is {original.state.value}", CaseErrorCode.BAD_ORIGINAL
        )
    check_version(duplicate, expected_version)
    async with in_transaction():
        return await record(
            duplicate,
            CaseAction.MERGE,
            actor,
            changes={"merged_into_id": original.id},
            reason=reason.strip(),
            payload={"originalId": original.id},
        )


async def comment_on_case(
    *, case: Case, actor: CaseActor, text: str, expected_version: int | None = None
) -> CaseEvent:
    """Add a note to the case's history."""
    text = clean_text(text, field="text")
    check_version(case, expected_version)
    async with in_transaction():
        return await record(case, CaseAction.COMMENT, actor, reason=text)


async def attach_to_case(
    *,
    case: Case,
    actor: CaseActor,
    files: list[UploadedFile],
    upload_dir: Path,
    expected_version: int | None = None,
) -> CaseEvent:
    """Attach more files (photos, documents) to an open case."""
    if not files:
        raise ValidationFailedError.one(
            "files", "Attach at least one file", InputErrorCode.REQUIRED
        )
    check_files(files, field="files")
    check_version(case, expected_version)
    async with in_transaction():
        rows = await store_files(
            case, files, kind=AttachmentKind.OTHER, upload_dir=upload_dir, uploaded_by=actor.user_id
        )
        return await record(case, CaseAction.ATTACH, actor, payload={"files": describe(rows)})


async def escalation_target(case: Case) -> GridNode:
    """One level up the tree from where the case was last escalated to (or from its place)."""
    current = await GridNode.get(id=case.escalated_to_id or case.place_id)
    if current.parent_id is None:
        return current
    return await GridNode.get(id=current.parent_id)


async def escalate_case(
    *, case: Case, actor: CaseActor, reason: str, expected_version: int | None = None
) -> CaseEvent:
    """Blow the whistle by hand: report the case one level up and alert the staff there."""
    reason = clean_text(reason, field="reason")
    check_version(case, expected_version)
    target = await escalation_target(case)
    async with in_transaction():
        event = await record(
            case,
            CaseAction.ESCALATE,
            actor,
            changes={"escalated_to_id": target.id, "is_whistle": True},
            reason=reason,
            payload={"escalatedToId": target.id},
        )
        await notify(
            await users_at([target.id]), NotificationKind.ESCALATED, case, f"吹哨：{case.title}"
        )
    return event

"""The end of the loop: rate_case (评价), close_case (with an explanation), auto-closing."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from domain.case_acting import is_reporter, rating_outcome
from domain.case_deadlines import handle_deadline
from domain.cases.common import SYSTEM, CaseActor, check_version, clean_text, notify, record
from domain.clock import moment as now
from domain.error_codes import InputErrorCode
from domain.errors import PermissionDeniedError, ValidationFailedError
from models.case_records import CaseDispatch, CaseEvent, CaseRating
from models.cases import Case
from models.enums import CaseAction, CaseClass, NotificationKind

SATISFIED_FROM = 4
AUTO_CLOSE_AFTER = timedelta(days=7)


async def rate_case(
    *,
    case: Case,
    actor: CaseActor,
    score: int,
    comment: str = "",
    expected_version: int | None = None,
) -> CaseEvent:
    """The reporter rates the result 1–5. Satisfied (4–5) closes the case; otherwise it is
    reopened (重办) with a fresh deadline, at most twice, after which a cadre must close it
    with an explanation."""
    if not is_reporter(actor.person_id, case):
        raise PermissionDeniedError("Only the reporter rates a case")
    if not 1 <= score <= 5:
        raise ValidationFailedError.one("score", "Between 1 and 5", InputErrorCode.OUT_OF_RANGE)
    comment = clean_text(comment, field="comment", required=False)
    check_version(case, expected_version)
    satisfied = score >= SATISFIED_FROM
    rated = now()
    changes: dict[str, object] = {"last_score": score, "satisfied": satisfied}
    action = rating_outcome(case, satisfied=satisfied)
    if action is CaseAction.RATE_SATISFIED:
        changes["closed_at"] = rated
    elif action is CaseAction.RATE_UNSATISFIED:
        deadline = await handle_deadline(
            rated, case.category_id, case.case_class or CaseClass.COORDINATION
        )
        changes.update(
            reopen_count=case.reopen_count + 1,
            handle_due_at=deadline.due_at,
            handle_overdue_at=None,
        )
    round_ = case.reopen_count
    async with in_transaction():
        rating = await CaseRating.create(
            case_id=case.id,
            round=round_,
            score=score,
            satisfied=satisfied,
            comment=comment,
            rated_by_id=actor.person_id,
        )
        event = await record(
            case,
            action,
            actor,
            changes=changes,
            reason=comment,
            payload={"score": score, "ratingId": rating.id},
            at=rated,
        )
        dispatchers = await CaseDispatch.filter(case_id=case.id).values("dispatched_by_id")
        await notify(
            [case.recorded_by_id, *(d["dispatched_by_id"] for d in dispatchers)],
            NotificationKind.RATED,
            case,
            f"评价{score}分：{case.title}",
        )
    return event


async def close_case(
    *, case: Case, actor: CaseActor, explanation: str, expected_version: int | None = None
) -> CaseEvent:
    """A cadre closes the case, explaining what cannot be done (做好解释工作)."""
    explanation = clean_text(explanation, field="explanation")
    check_version(case, expected_version)
    async with in_transaction():
        return await record(
            case,
            CaseAction.CLOSE,
            actor,
            changes={"closed_at": now(), "close_note": explanation},
            reason=explanation,
        )


async def auto_close_case(*, case: Case, at: datetime) -> CaseEvent:
    """Close a case nobody rated within 7 days of the reply."""
    at = now(at)
    async with in_transaction():
        return await record(
            case,
            CaseAction.AUTO_CLOSE,
            SYSTEM,
            changes={"closed_at": at},
            reason="7天内未评价，自动办结",
            at=at,
        )

"""accept_case (受理) and reject_case (不予受理)."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from domain.case_deadlines import handle_deadline, merge_warnings
from domain.cases.common import CaseActor, check_version, clean_text, notify, record
from domain.cases.people import cadres_of_community_and_street
from domain.clock import moment as now
from domain.error_codes import CaseErrorCode, InputErrorCode
from domain.errors import ValidationFailedError
from models.case_records import CaseEvent
from models.cases import Case, CaseCategory
from models.enums import CaseAction, CaseClass, CaseUrgency, NotificationKind
from models.grid import GridNode


async def accept_case(
    *,
    case: Case,
    actor: CaseActor,
    case_class: CaseClass,
    category: CaseCategory | None,
    urgency: CaseUrgency | None = None,
    expected_version: int | None = None,
) -> CaseEvent:
    """Take the case in: set class, category and urgency, and compute its resolve-by deadline.

    An emergency alerts the cadres of the community and the street at once.
    """
    check_version(case, expected_version)
    if category is None and case.category_id is not None:
        category = await CaseCategory.get(id=case.category_id)
    if category is None:
        raise ValidationFailedError.one("categoryId", "Choose a category", InputErrorCode.REQUIRED)
    if not category.is_active:
        raise ValidationFailedError.one(
            "categoryId", "That category is retired", CaseErrorCode.INACTIVE
        )
    accepted = now()
    deadline = await handle_deadline(accepted, category.id, case_class)
    async with in_transaction():
        event = await record(
            case,
            CaseAction.ACCEPT,
            actor,
            changes={
                "case_class": case_class,
                "category_id": category.id,
                "urgency": urgency or case.urgency,
                "accepted_at": accepted,
                "handle_due_at": deadline.due_at,
                "deadline_warnings": merge_warnings(case.deadline_warnings, deadline.warnings),
            },
            payload={
                "class": case_class.value,
                "categoryId": category.id,
                "handleDueAt": deadline.due_at.isoformat(),
                "warnings": list(deadline.warnings),
            },
            at=accepted,
        )
        if case_class is CaseClass.EMERGENCY:
            place = await GridNode.get(id=case.place_id)
            await notify(
                await cadres_of_community_and_street(place),
                NotificationKind.EMERGENCY,
                case,
                f"突发事项：{case.title}",
            )
    return event


async def reject_case(
    *, case: Case, actor: CaseActor, reason: str, expected_version: int | None = None
) -> CaseEvent:
    """Refuse the case (不予受理); the reason is required and kept."""
    reason = clean_text(reason, field="reason")
    check_version(case, expected_version)
    async with in_transaction():
        return await record(
            case, CaseAction.REJECT, actor, changes={"closed_at": now()}, reason=reason
        )

"""Admin verbs on case categories and time-limit rules; each change is audited."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.error_codes import InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.validation import clean_name
from models.cases import CaseCategory, TimeLimitRule
from models.enums import CaseClass
from permissions.viewer import Viewer


async def create_category(
    *, name: str, parent: CaseCategory | None, actor: Viewer | None
) -> CaseCategory:
    name = clean_name(name, field="name", max_length=50)
    if await CaseCategory.filter(parent_id=parent.id if parent else None, name=name).exists():
        raise ConflictError(f"A category named {name!r} already exists there")
    async with in_transaction():
        row = await CaseCategory.create(name=name, parent_id=parent.id if parent else None)
        await audit(actor, "case_category.create", f"CaseCategory:{row.id}", after={"name": name})
    return row


async def update_category(
    *, category: CaseCategory, name: str | None, is_active: bool | None, actor: Viewer | None
) -> CaseCategory:
    before = {"name": category.name, "is_active": category.is_active}
    if name is not None:
        name = clean_name(name, field="name", max_length=50)
        clash = CaseCategory.filter(parent_id=category.parent_id, name=name).exclude(id=category.id)
        if await clash.exists():
            raise ConflictError(f"A category named {name!r} already exists there")
        category.name = name
    if is_active is not None:
        category.is_active = is_active
    async with in_transaction():
        await category.save(update_fields=["name", "is_active"])
        await audit(
            actor,
            "case_category.update",
            f"CaseCategory:{category.id}",
            before=before,
            after={"name": category.name, "is_active": category.is_active},
        )
    return category


async def set_time_limit(
    *,
    category: CaseCategory | None,
    case_class: CaseClass | None,
    accept_hours: int,
    handle_days: int,
    handle_hours: int | None,
    actor: Viewer | None,
) -> TimeLimitRule:
    """Create or replace the rule for (category, class); null means "any"."""
    if not 1 <= accept_hours <= 24 * 30:
        raise ValidationFailedError.one(
            "acceptHours", "1 to 720 hours", InputErrorCode.OUT_OF_RANGE
        )
    if not 0 <= handle_days <= 365:
        raise ValidationFailedError.one(
            "handleDays", "0 to 365 working days", InputErrorCode.OUT_OF_RANGE
        )
    if handle_hours is not None and not 1 <= handle_hours <= 24 * 30:
        raise ValidationFailedError.one(
            "handleHours", "1 to 720 hours", InputErrorCode.OUT_OF_RANGE
        )
    values = {
        "accept_hours": accept_hours,
        "handle_days": handle_days,
        "handle_hours": handle_hours,
    }
    async with in_transaction():
        row, _ = await TimeLimitRule.update_or_create(
            defaults=values, category_id=category.id if category else None, case_class=case_class
        )
        await audit(actor, "time_limit.set", f"TimeLimitRule:{row.id}", after=values)
    return row

"""Departments (职能部门) that receive dispatched cases: created and changed by admins, audited."""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.errors import ConflictError
from domain.validation import clean_name, clean_phone
from models.enums import DepartmentKind
from models.org import Department
from permissions.viewer import Viewer


def _describe(row: Department) -> dict[str, Any]:
    return {"name": row.name, "kind": row.kind.value, "phone": row.phone}


async def _ensure_name_free(name: str, except_id: int | None = None) -> None:
    clash = Department.filter(name=name)
    if except_id is not None:
        clash = clash.exclude(id=except_id)
    if await clash.exists():
        raise ConflictError(f"A department named {name!r} already exists")


async def create_department(
    *, name: str, kind: DepartmentKind, phone: str = "", actor: Viewer | None = None
) -> Department:
    name = clean_name(name, field="name")
    phone = clean_phone(phone)
    await _ensure_name_free(name)
    async with in_transaction():
        row = await Department.create(name=name, kind=kind, phone=phone)
        await audit(actor, "department.create", f"Department:{row.id}", after=_describe(row))
    return row


async def update_department(
    *,
    department: Department,
    name: str | None = None,
    kind: DepartmentKind | None = None,
    phone: str | None = None,
    actor: Viewer | None = None,
) -> Department:
    before = _describe(department)
    if name is not None:
        department.name = clean_name(name, field="name")
        await _ensure_name_free(department.name, except_id=department.id)
    if kind is not None:
        department.kind = kind
    if phone is not None:
        department.phone = clean_phone(phone)
    async with in_transaction():
        await department.save()
        await audit(
            actor,
            "department.update",
            f"Department:{department.id}",
            before=before,
            after=_describe(department),
        )
    return department

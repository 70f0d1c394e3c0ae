"""updateDepartment: rename a department or change its kind or duty phone."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.departments import update_department as update_body
from models.enums import DepartmentKind
from permissions.enforcer import department_domain
from permissions.enums import Action, Resource
from schema.accounts.department import DepartmentType
from schema.accounts.lookup import visible_department
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="What to change of a department; omitted fields stay.")
class UpdateDepartmentInput:
    id: strawberry.ID = strawberry.field(description="The department.")
    name: str | None = strawberry.field(default=None, description="New name, unique.")
    kind: DepartmentKind | None = strawberry.field(default=None, description="New kind.")
    phone: str | None = strawberry.field(default=None, description="New duty phone.")


@strawberry.type(description="The department was changed.")
class DepartmentUpdated:
    department: DepartmentType = strawberry.field(description="The department as it is now.")


UpdateDepartmentResult = Annotated[
    DepartmentUpdated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("UpdateDepartmentResult", description="The result of updateDepartment."),
]


async def update_department(info: Info, input: UpdateDepartmentInput) -> UpdateDepartmentResult:
    viewer = signed_in(info)

    row = await visible_department(info, input.id, field="id")
    require(info, Resource.DEPARTMENT, Action.UPDATE, department_domain(row.id))
    row = await update_body(
        department=row, name=input.name, kind=input.kind, phone=input.phone, actor=viewer
    )
    return DepartmentUpdated(department=DepartmentType.from_model(row))

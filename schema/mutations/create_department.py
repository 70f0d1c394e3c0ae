"""createDepartment: record a department that can receive dispatched cases."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.departments import create_department as create_body
from models.enums import DepartmentKind
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.department import DepartmentType
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="A new department.")
class CreateDepartmentInput:
    name: str = strawberry.field(description="Name, unique.")
    kind: DepartmentKind = strawberry.field(description="Kind of body.")
    phone: str = strawberry.field(default="", description="Duty phone.")


@strawberry.type(description="The department was created.")
class DepartmentCreated:
    department: DepartmentType = strawberry.field(description="The new department.")


CreateDepartmentResult = Annotated[
    DepartmentCreated | ValidationFailed | Conflict | PermissionDenied,
    strawberry.union("CreateDepartmentResult", description="The result of createDepartment."),
]


async def create_department(info: Info, input: CreateDepartmentInput) -> CreateDepartmentResult:
    viewer = signed_in(info)

    require(info, Resource.DEPARTMENT, Action.CREATE, ADMIN_DOMAIN)
    row = await create_body(name=input.name, kind=input.kind, phone=input.phone, actor=viewer)
    return DepartmentCreated(department=DepartmentType.from_model(row))

"""createUser: an admin opens a login account for a person or a department."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.accounts import create_user as create_account
from domain.errors import NotFoundError
from models.people import Person
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.lookup import visible_department
from schema.accounts.types import UserType
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.relay import parse_pk


@strawberry.input(description="A new login account.")
class CreateUserInput:
    username: str = strawberry.field(description="Login name, 3 to 50 characters, unique.")
    password: str = strawberry.field(description="Initial password, at least 8 characters.")
    phone: str | None = strawberry.field(default=None, description="Login phone, unique.")
    person_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person the account belongs to."
    )
    department_id: strawberry.ID | None = strawberry.field(
        default=None, description="The department of a responder's account."
    )


@strawberry.type(description="The account was created; give it roles with `assignRole`.")
class UserCreated:
    user: UserType = strawberry.field(description="The new account.")


CreateUserResult = Annotated[
    UserCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateUserResult", description="The result of createUser."),
]


async def create_user(info: Info, input: CreateUserInput) -> CreateUserResult:
    viewer = signed_in(info)

    require(info, Resource.USER, Action.CREATE, ADMIN_DOMAIN)
    person_id = None
    if input.person_id is not None:
        person_id = parse_pk(input.person_id, field="personId", expected="Person")
        if not await Person.filter(id=person_id).exists():
            raise NotFoundError("Person", input.person_id, field="personId")
    department = None
    if input.department_id is not None:
        department = await visible_department(info, input.department_id, field="departmentId")
    user = await create_account(
        username=input.username,
        password=input.password,
        phone=input.phone,
        person_id=person_id,
        department_id=department.id if department else None,
        actor=viewer,
    )
    return UserCreated(user=UserType.from_model(user))

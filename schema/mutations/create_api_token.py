"""createApiToken: a partner app's token, acting as the roles and places given, within scopes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.api_tokens import TokenGrant
from domain.api_tokens import create_api_token as create_token
from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from permissions.enforcer import department_domain
from permissions.enums import Action, Resource, Role
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.admin_types import ApiTokenType
from schema.accounts.lookup import visible_place
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="A role the token acts as, and where.")
class TokenGrantInput:
    role: Role = strawberry.field(description="The role (not admin).")
    place_id: strawberry.ID = strawberry.field(
        description="A Grid (with its subtree) or, for responders, a Department."
    )


@strawberry.input(description="A new API token for a partner app.")
class CreateApiTokenInput:
    name: str = strawberry.field(description="What it is for, unique (e.g. 12345 热线).")
    grants: list[TokenGrantInput] = strawberry.field(description="The roles and places it acts as.")
    read_scopes: list[Resource] = strawberry.field(description="Areas it may read.")
    write_scopes: list[Resource] = strawberry.field(description="Areas it may change.")
    expires_at: datetime = strawberry.field(description="When it stops working (within a year).")


@strawberry.type(description="The token was created. Its secret is shown now and never again.")
class ApiTokenCreated:
    token: ApiTokenType = strawberry.field(description="The new token.")
    secret: str = strawberry.field(
        description="Send as `Authorization: Bearer <secret>`; store it now, it is not kept."
    )


CreateApiTokenResult = Annotated[
    ApiTokenCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateApiTokenResult", description="The result of createApiToken."),
]


async def create_api_token(info: Info, input: CreateApiTokenInput) -> CreateApiTokenResult:
    viewer = signed_in(info)

    require(info, Resource.API_TOKEN, Action.CREATE, ADMIN_DOMAIN)
    grants: list[TokenGrant] = []
    for i, given in enumerate(input.grants):
        field = f"grants.{i}.placeId"
        grid, department = await visible_place(info, given.place_id, field=field)
        if grid is not None:
            domain = grid.path
        elif department is not None:
            domain = department_domain(department.id)
        else:
            raise ValidationFailedError.one(field, "Give a place", InputErrorCode.REQUIRED)
        # Whoever makes a token must be able to give each of its roles there themself.
        require(info, Resource.ROLE_ASSIGNMENT, Action.CREATE, domain)
        grants.append(TokenGrant(role=given.role, grid=grid, department=department))
    token, secret = await create_token(
        name=input.name,
        grants=grants,
        read_scopes=input.read_scopes,
        write_scopes=input.write_scopes,
        expires_at=input.expires_at,
        actor=viewer,
    )
    return ApiTokenCreated(token=ApiTokenType.from_model(token), secret=secret)

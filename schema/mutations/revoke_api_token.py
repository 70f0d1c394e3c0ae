"""revokeApiToken: the token stops working at once."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.api_tokens import revoke_api_token as revoke_token
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.admin_types import ApiTokenType
from schema.accounts.lookup import visible_token
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="The token to revoke.")
class RevokeApiTokenInput:
    id: strawberry.ID = strawberry.field(description="The ApiToken.")


@strawberry.type(description="The token was revoked.")
class ApiTokenRevoked:
    token: ApiTokenType = strawberry.field(description="The revoked token.")


RevokeApiTokenResult = Annotated[
    ApiTokenRevoked | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RevokeApiTokenResult", description="The result of revokeApiToken."),
]


async def revoke_api_token(info: Info, input: RevokeApiTokenInput) -> RevokeApiTokenResult:
    viewer = signed_in(info)

    token = await visible_token(info, input.id, field="id")
    require(info, Resource.API_TOKEN, Action.DELETE, ADMIN_DOMAIN)
    token = await revoke_token(token=token, actor=viewer)
    return ApiTokenRevoked(token=ApiTokenType.from_model(token))

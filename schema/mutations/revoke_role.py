"""revokeRole: take a role assignment away."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.grants import assignment_domain
from domain.roles import revoke_role as take_role
from permissions.enums import Action, Resource
from schema.accounts.lookup import visible_assignment
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="The assignment to take away.")
class RevokeRoleInput:
    id: strawberry.ID = strawberry.field(description="The RoleAssignment.")


@strawberry.type(description="The role is no longer held there.")
class RoleRevoked:
    id: strawberry.ID = strawberry.field(description="The removed assignment's ID.")


RevokeRoleResult = Annotated[
    RoleRevoked | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RevokeRoleResult", description="The result of revokeRole."),
]


async def revoke_role(info: Info, input: RevokeRoleInput) -> RevokeRoleResult:
    viewer = signed_in(info)

    row = await visible_assignment(info, input.id, field="id")
    require(info, Resource.ROLE_ASSIGNMENT, Action.DELETE, assignment_domain(row))
    await take_role(assignment=row, actor=viewer)
    return RoleRevoked(id=input.id)

"""Nobody can lock every admin out: the last active admin keeps the role and the account."""

from __future__ import annotations

from models.auth import RoleAssignment, User
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient

REVOKE = """mutation($input: RevokeRoleInput!) { revokeRole(input: $input) {
  __typename ... on Error { code message } } }"""
DEACTIVATE = """mutation($input: UpdateUserInput!) { updateUser(input: $input) {
  __typename ... on Error { code message } } }"""


async def test_the_last_admin_cannot_revoke_their_role_or_deactivate_themself(
    gql: GraphQLClient,
) -> None:
    admin_id, token = await user_with_role(Role.ADMIN)
    client = gql.as_(token)
    assignment = await RoleAssignment.get(user_id=admin_id)
    revoked = await client.data(
        REVOKE, {"input": {"id": str(to_global_id("RoleAssignment", assignment.id))}}
    )
    assert revoked["revokeRole"] == {
        "__typename": "Conflict",
        "code": "conflict",
        "message": "That is the last active admin; make another admin first",
    }
    deactivated = await client.data(
        DEACTIVATE, {"input": {"id": str(to_global_id("User", admin_id)), "isActive": False}}
    )
    assert deactivated["updateUser"]["__typename"] == "Conflict"
    assert await RoleAssignment.filter(user_id=admin_id, role=Role.ADMIN).count() == 1
    assert (await User.get(id=admin_id)).is_active is True


async def test_with_a_second_admin_the_first_may_step_down(gql: GraphQLClient) -> None:
    admin_id, token = await user_with_role(Role.ADMIN)
    await user_with_role(Role.ADMIN)
    assignment = await RoleAssignment.get(user_id=admin_id)
    revoked = await gql.as_(token).data(
        REVOKE, {"input": {"id": str(to_global_id("RoleAssignment", assignment.id))}}
    )
    assert revoked["revokeRole"] == {"__typename": "RoleRevoked"}
    assert not await RoleAssignment.filter(user_id=admin_id).exists()

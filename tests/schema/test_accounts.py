"""Accounts over GraphQL: login, me, logout, and the admin's user and role management."""

from __future__ import annotations

from models.auth import AuditEntry, RoleAssignment, Session, User
from models.enums import GridLevel
from models.people import Person
from permissions.enforcer import can, user_subject
from permissions.enums import Action, Resource, Role
from schema.relay import to_global_id
from tests.support.factories import PASSWORD, small_tree, user_with_role
from tests.support.graphql import GraphQLClient

LOGIN = """
mutation($login: String!, $password: String!) {
  login(input: {login: $login, password: $password}) {
    __typename ... on LoggedIn { token expiresAt user { username } }
  }
}"""
ME = """{ me { username phone isActive roleAssignments { role everywhere grid { name }
  department { name } } } }"""
CREATE_USER = """
mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename ... on UserCreated { user { id username phone } }
    ... on Error { code } ... on ValidationFailed { fieldErrors { field code } }
  }
}"""
UPDATE_USER = """
mutation($input: UpdateUserInput!) {
  updateUser(input: $input) {
    __typename ... on UserUpdated { user { username isActive } } ... on Error { code }
  }
}"""
ASSIGN = """
mutation($input: AssignRoleInput!) {
  assignRole(input: $input) {
    __typename ... on RoleAssigned { assignment { id role grid { name } everywhere } }
    ... on Error { code } ... on ValidationFailed { fieldErrors { field code } }
  }
}"""
REVOKE = """
mutation($id: ID!) { revokeRole(input: {id: $id}) { __typename ... on Error { code } } }"""


async def test_given_an_account_when_logging_in_by_phone_then_me_shows_its_roles(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    user_id, _ = await user_with_role(Role.GRID_WORKER, tree["north_grid"], username="wang")
    await User.filter(id=user_id).update(phone="13812345678")
    body = await gql.data(LOGIN, {"login": "13812345678", "password": PASSWORD})
    assert body["login"]["__typename"] == "LoggedIn"
    assert body["login"]["token"].startswith("mqs_")
    me = await gql.as_(body["login"]["token"]).data(ME)
    assert me["me"] == {
        "username": "wang",
        "phone": "13812345678",
        "isActive": True,
        "roleAssignments": [
            {
                "role": "GRID_WORKER",
                "everywhere": False,
                "grid": {"name": "第一网格"},
                "department": None,
            }
        ],
    }


async def test_logout_ends_the_session(gql: GraphQLClient) -> None:
    _, token = await user_with_role(Role.ADMIN)
    body = await gql.as_(token).data(
        "mutation { logout(input: {}) { ... on LoggedOut { sessionsEnded } } }"
    )
    assert body["logout"] == {"sessionsEnded": 1}
    assert (await gql.as_(token).post("{ me { username } }")).status_code == 401


async def test_an_admin_creates_a_user_and_the_audit_log_records_it_without_the_hash(
    gql: GraphQLClient,
) -> None:
    admin_id, token = await user_with_role(Role.ADMIN)
    body = await gql.as_(token).data(
        CREATE_USER,
        {"input": {"username": "li-si", "password": "long-enough-1", "phone": "13900001111"}},
    )
    assert body["createUser"]["__typename"] == "UserCreated"
    assert body["createUser"]["user"]["phone"] == "13900001111"
    user = await User.get(username="li-si")
    entry = await AuditEntry.get(target=f"User:{user.id}")
    assert (entry.actor_user_id, entry.action, entry.before) == (admin_id, "user.create", None)
    assert entry.after == {
        "username": "li-si",
        "phone": "13900001111",
        "person_id": None,
        "department_id": None,
        "is_active": True,
    }


async def test_a_short_password_and_a_taken_username_are_refused(gql: GraphQLClient) -> None:
    _, token = await user_with_role(Role.ADMIN, username="keeper")
    client = gql.as_(token)
    short = await client.data(CREATE_USER, {"input": {"username": "li-si", "password": "short"}})
    assert short["createUser"]["fieldErrors"] == [{"field": "password", "code": "too_short"}]
    taken = await client.data(
        CREATE_USER, {"input": {"username": "keeper", "password": "long-enough-1"}}
    )
    assert taken["createUser"] == {"__typename": "Conflict", "code": "conflict"}
    assert await User.filter(username="li-si").count() == 0


async def test_deactivating_a_user_ends_their_sessions_and_is_audited(gql: GraphQLClient) -> None:
    _, admin = await user_with_role(Role.ADMIN)
    tree = await small_tree()
    user_id, user_token = await user_with_role(Role.RESIDENT, tree["north_building"])
    body = await gql.as_(admin).data(
        UPDATE_USER, {"input": {"id": to_global_id("User", user_id), "isActive": False}}
    )
    assert body["updateUser"]["user"]["isActive"] is False
    assert await Session.filter(user_id=user_id, revoked_at__isnull=True).count() == 0
    assert (await gql.as_(user_token).post("{ me { username } }")).status_code == 401
    entry = await AuditEntry.get(action="user.update")
    assert (entry.before["is_active"], entry.after["is_active"]) == (True, False)


async def test_a_password_reset_lets_the_new_password_in(gql: GraphQLClient) -> None:
    _, admin = await user_with_role(Role.ADMIN)
    user_id, _ = await user_with_role(Role.ADMIN, username="zhao")
    await gql.as_(admin).data(
        UPDATE_USER, {"input": {"id": to_global_id("User", user_id), "newPassword": "brand-new-pw"}}
    )
    body = await gql.data(LOGIN, {"login": "zhao", "password": "brand-new-pw"})
    assert body["login"]["user"] == {"username": "zhao"}


async def test_given_a_role_assigned_in_a_community_then_it_holds_in_its_subtree_only(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    user = await User.create(username="cadre", password_hash="x")
    body = await gql.as_(admin).data(
        ASSIGN,
        {
            "input": {
                "userId": to_global_id("User", user.id),
                "role": "COMMUNITY_CADRE",
                "placeId": to_global_id("Grid", tree["north"].id),
            }
        },
    )
    assert body["assignRole"]["assignment"]["grid"] == {"name": "振兴路社区"}
    subject = user_subject(user.id)
    assert can(subject, tree["north_building"].path, Resource.GRID, Action.UPDATE)
    assert not can(subject, tree["south_building"].path, Resource.GRID, Action.UPDATE)
    assert not can(subject, tree["street"].path, Resource.GRID, Action.UPDATE)
    entry = await AuditEntry.filter(action="role.assign").order_by("-id").first()
    assert entry is not None
    assert entry.after == {
        "user_id": user.id,
        "token_id": None,
        "role": "community_cadre",
        "domain": tree["north"].path,
    }
    revoked = await gql.as_(admin).data(REVOKE, {"id": body["assignRole"]["assignment"]["id"]})
    assert revoked["revokeRole"] == {"__typename": "RoleRevoked"}
    assert not can(subject, tree["north_building"].path, Resource.GRID, Action.UPDATE)
    assert await AuditEntry.filter(action="role.revoke").count() == 1


async def test_a_resident_role_defaults_to_their_home_and_is_refused_elsewhere(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    person = await Person.create(name="张阿姨", place=tree["north_building"])
    user = await User.create(username="zhang", password_hash="x", person=person)
    uid = to_global_id("User", user.id)
    elsewhere = await gql.as_(admin).data(
        ASSIGN,
        {
            "input": {
                "userId": uid,
                "role": "RESIDENT",
                "placeId": to_global_id("Grid", tree["south_building"].id),
            }
        },
    )
    assert elsewhere["assignRole"]["fieldErrors"] == [{"field": "placeId", "code": "not_home"}]
    home = await gql.as_(admin).data(ASSIGN, {"input": {"userId": uid, "role": "RESIDENT"}})
    assert home["assignRole"]["assignment"]["grid"] == {"name": "1栋"}
    assert tree["north_building"].level is GridLevel.BUILDING


async def test_only_admins_hold_a_role_everywhere(gql: GraphQLClient) -> None:
    _, admin = await user_with_role(Role.ADMIN)
    user = await User.create(username="someone", password_hash="x")
    body = await gql.as_(admin).data(
        ASSIGN,
        {
            "input": {
                "userId": to_global_id("User", user.id),
                "role": "GRID_WORKER",
                "everywhere": True,
            }
        },
    )
    assert body["assignRole"]["fieldErrors"] == [{"field": "placeId", "code": "invalid"}]
    assert await RoleAssignment.filter(user_id=user.id).count() == 0

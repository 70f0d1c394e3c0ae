"""The headless admin: departments, policy rules, API tokens and the audit log."""

from __future__ import annotations

from datetime import timedelta

from tortoise.timezone import now

from models.auth import ApiToken, AuditEntry
from models.auth_policy import PolicyRule
from models.org import Department
from permissions.enforcer import can, user_subject
from permissions.enums import Action, Resource, Role
from schema.relay import to_global_id
from tests.support.factories import make_token, small_tree, user_with_role
from tests.support.graphql import GraphQLClient

CREATE_TOKEN = """
mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    __typename
    ... on ApiTokenCreated { secret token { id name prefix readScopes writeScopes isLive
      roleAssignments { role grid { name } } } }
    ... on Error { code } ... on ValidationFailed { fieldErrors { field code } }
  }
}"""
TOKENS = "{ apiTokens { totalCount nodes { name prefix lastUsedAt isLive } } }"
ADD_RULE = """
mutation($input: PolicyRuleInput!) {
  addPolicyRule(input: $input) { __typename ... on PolicyRuleAdded { rule { role resource action } }
    ... on Error { code } }
}"""
REMOVE_RULE = """
mutation($input: PolicyRuleInput!) {
  removePolicyRule(input: $input) { __typename ... on Error { code } }
}"""


def in_days(days: int) -> str:
    return (now() + timedelta(days=days)).isoformat()


async def test_an_admin_creates_a_token_whose_secret_is_shown_once(gql: GraphQLClient) -> None:
    tree = await small_tree()
    admin_id, admin = await user_with_role(Role.ADMIN)
    body = await gql.as_(admin).data(
        CREATE_TOKEN,
        {
            "input": {
                "name": "12345 热线",
                "grants": [
                    {"role": "GRID_WORKER", "placeId": to_global_id("Grid", tree["north"].id)}
                ],
                "readScopes": ["GRID", "STATION"],
                "writeScopes": [],
                "expiresAt": in_days(30),
            }
        },
    )
    created = body["createApiToken"]
    secret = created["secret"]
    assert secret.startswith("mqt_") and len(secret) > 40
    assert created["token"]["prefix"] == secret[:12]
    assert created["token"]["readScopes"] == ["GRID", "STATION"]
    assert created["token"]["roleAssignments"] == [
        {"role": "GRID_WORKER", "grid": {"name": "振兴路社区"}}
    ]
    token = await ApiToken.get(name="12345 热线")
    assert secret not in str(await ApiToken.filter(id=token.id).values())
    listed = await gql.as_(admin).data(TOKENS)
    assert listed["apiTokens"]["nodes"] == [
        {"name": "12345 热线", "prefix": secret[:12], "lastUsedAt": None, "isLive": True}
    ]
    await gql.as_(secret).data("{ apiVersion }")
    listed = await gql.as_(admin).data(TOKENS)
    assert listed["apiTokens"]["nodes"][0]["lastUsedAt"] is not None
    actions = (
        await AuditEntry.filter(actor_user_id=admin_id)
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == ["token.create", "role.assign"]


async def test_a_token_cannot_be_an_admin_nor_outlive_a_year(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    base = {
        "name": "bot",
        "readScopes": [],
        "writeScopes": [],
        "grants": [{"role": "ADMIN", "placeId": to_global_id("Grid", tree["street"].id)}],
        "expiresAt": in_days(30),
    }
    body = await gql.as_(admin).data(CREATE_TOKEN, {"input": base})
    assert body["createApiToken"]["fieldErrors"] == [
        {"field": "grants", "code": "admin_not_allowed"}
    ]
    base["grants"] = [{"role": "RESIDENT", "placeId": to_global_id("Grid", tree["street"].id)}]
    base["expiresAt"] = in_days(400)
    body = await gql.as_(admin).data(CREATE_TOKEN, {"input": base})
    assert body["createApiToken"]["fieldErrors"] == [{"field": "expiresAt", "code": "too_long"}]
    assert await ApiToken.all().count() == 0


async def test_a_token_holds_no_more_than_its_scopes_even_where_its_role_could(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    await Department.create(name="城管局", kind="government")
    _, read_grids_only = await make_token(
        Role.GRID_WORKER, tree["north_grid"], read=(Resource.GRID,), write=()
    )
    _, full = await make_token(Role.GRID_WORKER, tree["north_grid"])
    query = "{ departments { totalCount } }"
    assert (await gql.as_(full).data(query))["departments"]["totalCount"] == 1
    assert (await gql.as_(read_grids_only).data(query))["departments"]["totalCount"] == 0


async def test_revoking_a_token_stops_it_and_is_audited(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    token, secret = await make_token(Role.RESIDENT, tree["north_building"])
    body = await gql.as_(admin).data(
        "mutation($id: ID!) { revokeApiToken(input: {id: $id}) { __typename "
        "... on ApiTokenRevoked { token { isLive } } } }",
        {"id": to_global_id("ApiToken", token.id)},
    )
    assert body["revokeApiToken"] == {"__typename": "ApiTokenRevoked", "token": {"isLive": False}}
    assert (await gql.as_(secret).post("{ apiVersion }")).status_code == 401
    entry = await AuditEntry.get(action="token.revoke")
    assert (entry.before["revoked_at"], entry.after["revoked_at"] is not None) == (None, True)


async def test_an_added_policy_rule_holds_at_once_and_a_removed_one_stops(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    resident_id, _ = await user_with_role(Role.RESIDENT, tree["north_building"])
    rule = {"role": "RESIDENT", "resource": "MEETING", "action": "READ"}
    subject, place = user_subject(resident_id), tree["north_building"].path
    assert not can(subject, place, Resource.MEETING, Action.READ)
    body = await gql.as_(admin).data(ADD_RULE, {"input": rule})
    assert body["addPolicyRule"]["rule"] == rule
    assert can(subject, place, Resource.MEETING, Action.READ)
    again = await gql.as_(admin).data(ADD_RULE, {"input": rule})
    assert again["addPolicyRule"] == {"__typename": "Conflict", "code": "conflict"}
    removed = await gql.as_(admin).data(REMOVE_RULE, {"input": rule})
    assert removed["removePolicyRule"] == {"__typename": "PolicyRuleRemoved"}
    assert not can(subject, place, Resource.MEETING, Action.READ)
    assert await PolicyRule.filter(ptype="p", v0="resident", v1="meeting").count() == 0
    entries = await AuditEntry.filter(target="PolicyRule:resident,meeting,read").order_by("id")
    assert [(e.action, e.before, e.after) for e in entries] == [
        ("policy.add", None, {"role": "resident", "resource": "meeting", "action": "read"}),
        ("policy.remove", {"role": "resident", "resource": "meeting", "action": "read"}, None),
    ]


async def test_departments_are_created_renamed_and_audited(gql: GraphQLClient) -> None:
    _, admin = await user_with_role(Role.ADMIN)
    body = await gql.as_(admin).data(
        'mutation { createDepartment(input: {name: "城管局", kind: GOVERNMENT, phone: "0511-86541234"}) '
        "{ __typename ... on DepartmentCreated { department { id name kind phone } } } }"
    )
    department = body["createDepartment"]["department"]
    assert department["name"] == "城管局" and department["kind"] == "GOVERNMENT"
    body = await gql.as_(admin).data(
        'mutation($id: ID!) { updateDepartment(input: {id: $id, name: "城市管理局"}) '
        "{ ... on DepartmentUpdated { department { name phone } } } }",
        {"id": department["id"]},
    )
    assert body["updateDepartment"]["department"] == {
        "name": "城市管理局",
        "phone": "0511-86541234",
    }
    entry = await AuditEntry.get(action="department.update")
    assert (entry.before["name"], entry.after["name"]) == ("城管局", "城市管理局")


async def test_the_audit_log_filters_by_target_and_action_newest_first(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, admin = await user_with_role(Role.ADMIN)
    user_id, _ = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    body = await gql.as_(admin).data(
        "query($t: String!) { auditEntries(target: $t) { nodes { action target actorUserId } } }",
        {"t": f"User:{user_id}"},
    )
    assert body["auditEntries"]["nodes"] == [
        {"action": "user.create", "target": f"User:{user_id}", "actorUserId": None}
    ]
    body = await gql.as_(admin).data('{ auditEntries(action: "role.assign") { totalCount } }')
    assert body["auditEntries"]["totalCount"] == 2

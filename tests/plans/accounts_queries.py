"""Query plans of accounts: the caller, users, role assignments, departments, API tokens, the
audit log and the policy."""

from __future__ import annotations

from functools import partial

from domain.api_tokens import revoke_api_token
from domain.audit import audit
from models.auth import RoleAssignment, User
from models.auth_policy import PolicyRule
from permissions.enums import Role
from tests.plans.plan import PlanQuery, Seeded, by_global_id, connection
from tests.support.factories import make_token


async def seed_accounts(seeded: Seeded) -> Seeded:
    """A responder's account of the department (one of them deactivated), a live and a revoked
    API token, and audit entries of several actions."""
    department = seeded["department"]
    responders = [
        await User.create(
            username=f"dept-{n}", password_hash="-", department=department, is_active=active
        )
        for n, active in enumerate((True, False))
    ]
    assignments = [
        await RoleAssignment.create(
            user=user, role=Role.DEPARTMENT_RESPONDER, department=department
        )
        for user in responders
    ]
    token, _ = await make_token(Role.GRID_WORKER, seeded["north"], name="12345热线")
    revoked, _ = await make_token(Role.GRID_WORKER, seeded["north"], name="旧小程序")
    await revoke_api_token(token=revoked)
    entry = await audit(None, "user.update", f"User:{responders[1].id}")
    return {
        "responder": responders[0],
        "assignment": assignments[0],
        "token": token,
        "audit_entry": entry,
        "policy_rule": await PolicyRule.filter(ptype="p").order_by("id").first(),
        "responder_target": f"User:{responders[1].id}",
    }


admin = partial(connection, role=Role.ADMIN)

ASSIGNMENT = "role everywhere grid { name } user { username } department { name }"
USER = f"username phone department {{ name }} roleAssignments {{ {ASSIGNMENT} }}"

ACCOUNT_QUERIES = [
    PlanQuery(
        "me",
        f"{{ me {{ username roleAssignments {{ {ASSIGNMENT} }} }} }}",
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    admin("users", "users", USER),
    admin(
        "users by name",
        "users",
        "username",
        args='usernameContains: "dept"',
        allowed_scans={"user_account": "a substring search: no index can serve it"},
    ),
    admin("users, active", "users", "username", args="isActive: true"),
    admin("users, inactive", "users", "username", args="isActive: false"),
    connection(
        "users a cadre sees: their own",
        "users",
        "username",
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    admin("role assignments", "roleAssignments", ASSIGNMENT),
    admin("role assignments by role", "roleAssignments", "role", args="role: DEPARTMENT_RESPONDER"),
    connection(
        "role assignments a cadre sees: their own",
        "roleAssignments",
        ASSIGNMENT,
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    connection("departments", "departments", "name", role=Role.COMMUNITY_CADRE, place="north"),
    connection(
        "departments by name",
        "departments",
        "name",
        args='nameContains: "城市"',
        role=Role.COMMUNITY_CADRE,
        place="north",
        allowed_scans={"department": "a substring search: no index can serve it"},
    ),
    connection(
        "departments a responder sees: their own",
        "departments",
        "name",
        role=Role.DEPARTMENT_RESPONDER,
        place="department",
    ),
    admin(
        "live API tokens",
        "apiTokens",
        f"name isLive roleAssignments {{ {ASSIGNMENT} }}",
        allowed_scans={"api_token": "one token per partner app: a few dozen rows at most"},
    ),
    admin("all API tokens", "apiTokens", "name", args="includeRevoked: true"),
    admin("audit entries", "auditEntries", "action target actorUserId"),
    PlanQuery(
        "audit entries about a target",
        "query($t: String!) { auditEntries(target: $t) { totalCount nodes { action } } }",
        variables=lambda s: {"t": s["responder_target"]},
        role=Role.ADMIN,
    ),
    admin("audit entries of an action", "auditEntries", "target", args='action: "user.update"'),
    admin("policy rules", "policyRules", "role resource action"),
    admin("policy rules of a role", "policyRules", "resource action", args="role: GRID_WORKER"),
    by_global_id(
        "accounts by global id",
        """... on User { username } ... on RoleAssignment { role } ... on ApiToken { name }
           ... on AuditEntry { action } ... on PolicyRule { resource } ... on Department { name }""",
        lambda s: [
            ("User", s["responder"]),
            ("RoleAssignment", s["assignment"]),
            ("ApiToken", s["token"]),
            ("AuditEntry", s["audit_entry"]),
            ("PolicyRule", s["policy_rule"]),
            ("Department", s["department"]),
        ],
        role=Role.ADMIN,
    ),
]

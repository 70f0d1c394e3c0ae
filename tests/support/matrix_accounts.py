"""Matrix rows of accounts: users, role assignments, departments, API tokens, the audit log
and policy rules. Users see their own account and roles; departments are read by whoever
dispatches to them; everything else is the admin's."""

from __future__ import annotations

from datetime import timedelta

from tortoise.timezone import now

from models.auth import ApiToken, AuditEntry, RoleAssignment, Session, User
from models.auth_policy import PolicyRule
from models.enums import GridLevel
from models.org import Department
from permissions.enums import Resource, Role
from tests.support.factories import make_token
from tests.support.matrix import (
    ACTORS,
    ADMIN,
    ALL,
    ANONYMOUS,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    USER_ACTORS,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    assignment_of,
    gid,
    only,
)

OWN_ONLY = {actor: only(OWN) for actor in USER_ACTORS} | {ADMIN: ALL}
ADMIN_ONLY = {ADMIN: ALL}
RESPONDER = "department_responder"
DISPATCHERS = ("grid_worker", "community_cadre", TOKEN)  # roles that may read departments


async def _user(world: World, actor: str, relation: str) -> User | None:
    if relation == OWN:
        return world.users.get(actor)
    return await world.peer(actor, relation)


async def _users(world: World, actor: str, relation: str) -> Target | None:
    user = await _user(world, actor, relation)
    if user is None:
        return None
    return Target(
        gid("User", user.id), parent=gid("RoleAssignment", (await assignment_of(user)).id)
    )


async def _assignment(world: World, actor: str, relation: str) -> tuple[RoleAssignment, str] | None:
    """The assignment a cell is about, and the global id of its holder."""
    if relation == OWN and actor == TOKEN:
        row = await RoleAssignment.get(token_id=world.token.id)
        return row, gid("ApiToken", world.token.id)
    user = await _user(world, actor, relation)
    if user is None:
        return None
    return await assignment_of(user), gid("User", user.id)


async def _assignments(world: World, actor: str, relation: str) -> Target | None:
    found = await _assignment(world, actor, relation)
    if found is None:
        return None
    row, holder = found
    return Target(gid("RoleAssignment", row.id), parent=holder)


def _department_key(actor: str, relation: str) -> str | None:
    """A responder's own department is its home; for everyone else the north one is "same"."""
    if relation == OTHER:
        return "dept_south"
    if (relation == OWN) == (actor == RESPONDER):
        return "dept_north"
    return None


async def _departments(world: World, actor: str, relation: str) -> Target | None:
    key = _department_key(actor, relation)
    if key is None:
        return None
    responder = (
        world.users[RESPONDER] if key == "dept_north" else await world.peer(RESPONDER, OTHER)
    )
    via = await assignment_of(responder)
    return Target(gid("Department", world.department(key).id), parent=gid("RoleAssignment", via.id))


async def _token_at(world: World, actor: str, relation: str) -> ApiToken | None:
    if relation == OWN:
        return world.token if actor == TOKEN else None
    key = world.grid_home(actor)
    place = world.grid(world.mirror(key) if relation == OTHER else key)
    token, _ = await make_token(Role.RESIDENT, place, name=f"token-{actor}-{relation}")
    return token


async def _tokens(world: World, actor: str, relation: str) -> Target | None:
    token = await _token_at(world, actor, relation)
    return Target(gid("ApiToken", token.id)) if token else None


async def _audit(world: World, actor: str, relation: str) -> Target | None:
    found = await _assignment(world, actor, relation)
    if found is None:
        return None
    entry = await AuditEntry.get(action="role.assign", target=f"RoleAssignment:{found[0].id}")
    return Target(gid("AuditEntry", entry.id))


async def _rule(world: World, actor: str, relation: str) -> Target | None:
    role = ACTORS[actor][0]
    if relation == SAME or role in (None, Role.ADMIN):
        return None
    other = Role.GRID_WORKER if role is Role.RESIDENT else Role.RESIDENT
    wanted = role if relation == OWN else other
    row = await PolicyRule.filter(ptype="p", v0=wanted.value).order_by("id").first()
    assert row is not None
    return Target(gid("PolicyRule", row.id))


ME = "{ me { id } }"

READS = [
    ReadRow(
        name="me",
        target=_users,
        list=ME,  # a single object: its "list" and "node" are the field itself
        node=ME,
        nested="{ me { roleAssignments { user { id } } } }",
        sees={actor: only(OWN) for actor in USER_ACTORS},
    ),
    ReadRow(
        name="users",
        target=_users,
        list="{ users(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on RoleAssignment { user { id } } } }",
        sees=OWN_ONLY,
    ),
    ReadRow(
        name="roleAssignments",
        target=_assignments,
        list="{ roleAssignments(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on User { roleAssignments { id } } "
        "... on ApiToken { roleAssignments { id } } } }",
        sees=OWN_ONLY,
    ),
    ReadRow(
        name="departments",
        target=_departments,
        list="{ departments(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on RoleAssignment { department { id } } } }",
        sees={actor: only(SAME, OTHER) for actor in DISPATCHERS}
        | {RESPONDER: only(OWN), ADMIN: ALL},
        # the edge starts at a responder's assignment, which only they and admins see
        nested_sees={RESPONDER: only(OWN), ADMIN: ALL},
    ),
    ReadRow(
        name="apiTokens",
        target=_tokens,
        list="{ apiTokens(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to a token
        sees=ADMIN_ONLY,
    ),
    ReadRow(
        name="auditEntries",
        target=_audit,
        list="{ auditEntries(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to an audit entry
        sees=ADMIN_ONLY,
    ),
    ReadRow(
        name="policyRules",
        target=_rule,
        list="{ policyRules(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to a rule
        sees=ADMIN_ONLY,
    ),
]


def _placeless(variables: dict[str, object], snapshot):  # type: ignore[no-untyped-def]
    """Mutations that name no place: one cell per actor."""

    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        return Attempt({"input": variables}, snapshot) if relation == SAME else None

    return prepare


async def _update_user(world: World, actor: str, relation: str) -> Attempt | None:
    user = await _user(world, actor, relation)
    if user is None:
        return None
    return Attempt(
        {"input": {"id": gid("User", user.id), "isActive": False}},
        lambda: User.filter(id=user.id).values_list("is_active", flat=True),
    )


async def _assign_role(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    place = world.places[world.place_of(actor, relation)]
    role = Role.DEPARTMENT_RESPONDER if isinstance(place, Department) else Role.GRID_WORKER
    if getattr(place, "level", None) is GridLevel.BUILDING:
        role = Role.MICRO_GRID_WORKER
    fresh = await User.create(username=f"fresh-{actor}-{relation}", password_hash="!")
    kind = "Department" if isinstance(place, Department) else "Grid"
    return Attempt(
        {
            "input": {
                "userId": gid("User", fresh.id),
                "role": role.name,
                "placeId": gid(kind, place.id),
            }
        },
        lambda: RoleAssignment.all().count(),
    )


async def _revoke_role(world: World, actor: str, relation: str) -> Attempt | None:
    found = await _assignment(world, actor, relation)
    if found is None:
        return None
    row = found[0]
    return Attempt(
        {"input": {"id": gid("RoleAssignment", row.id)}},
        lambda: RoleAssignment.filter(id=row.id).exists(),
    )


async def _update_department(world: World, actor: str, relation: str) -> Attempt | None:
    key = _department_key(actor, relation)
    if key is None:
        return None
    department = world.department(key)
    return Attempt(
        {"input": {"id": gid("Department", department.id), "name": f"改名-{relation}"}},
        lambda: Department.filter(id=department.id).values_list("name", flat=True),
    )


async def _create_token(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    key = world.grid_home(actor)
    place = world.grid(world.mirror(key) if relation == OTHER else key)
    grant = {"role": "RESIDENT", "placeId": gid("Grid", place.id)}
    variables = {
        "name": f"app-{actor}-{relation}",
        "grants": [grant],
        "readScopes": [Resource.CASE.name],
        "writeScopes": [],
        "expiresAt": (now() + timedelta(days=30)).isoformat(),
    }
    return Attempt({"input": variables}, lambda: ApiToken.all().count())


async def _revoke_token(world: World, actor: str, relation: str) -> Attempt | None:
    token = await _token_at(world, actor, relation)
    if token is None:
        return None
    return Attempt(
        {"input": {"id": gid("ApiToken", token.id)}},
        lambda: ApiToken.filter(id=token.id).values_list("revoked_at", flat=True),
    )


async def _logout(world: World, actor: str, relation: str) -> Attempt | None:
    if relation != OWN:
        return None
    return Attempt({"input": {}}, lambda: Session.filter(revoked_at__isnull=True).count())


def _rule_input(role: Role, resource: Resource, action: str) -> dict[str, object]:
    return {"role": role.name, "resource": resource.name, "action": action}


ADMIN_PLACED = {ADMIN: only(SAME, OTHER)}

WRITES = [
    WriteRow(
        name="createUser",
        success="UserCreated",
        prepare=_placeless(
            {"username": "new-account", "password": "long-enough-1"}, lambda: User.all().count()
        ),
        allowed=ADMIN_ONLY,
    ),
    WriteRow(name="updateUser", success="UserUpdated", prepare=_update_user, allowed=ADMIN_ONLY),
    WriteRow(name="assignRole", success="RoleAssigned", prepare=_assign_role, allowed=ADMIN_PLACED),
    WriteRow(name="revokeRole", success="RoleRevoked", prepare=_revoke_role, allowed=ADMIN_ONLY),
    WriteRow(
        name="addPolicyRule",
        success="PolicyRuleAdded",
        input_type="PolicyRuleInput",
        prepare=_placeless(
            _rule_input(Role.RESIDENT, Resource.MEETING, "READ"),
            lambda: PolicyRule.all().count(),
        ),
        allowed=ADMIN_ONLY,
    ),
    WriteRow(
        name="removePolicyRule",
        success="PolicyRuleRemoved",
        input_type="PolicyRuleInput",
        prepare=_placeless(
            _rule_input(Role.RESIDENT, Resource.GRID, "READ"), lambda: PolicyRule.all().count()
        ),
        allowed=ADMIN_ONLY,
    ),
    WriteRow(
        name="createDepartment",
        success="DepartmentCreated",
        prepare=_placeless(
            {"name": "住建局", "kind": "GOVERNMENT"}, lambda: Department.all().count()
        ),
        allowed=ADMIN_ONLY,
    ),
    WriteRow(
        name="updateDepartment",
        success="DepartmentUpdated",
        prepare=_update_department,
        allowed=ADMIN_ONLY,
    ),
    WriteRow(
        name="createApiToken",
        success="ApiTokenCreated",
        prepare=_create_token,
        allowed=ADMIN_PLACED,
    ),
    WriteRow(
        name="revokeApiToken", success="ApiTokenRevoked", prepare=_revoke_token, allowed=ADMIN_ONLY
    ),
    WriteRow(
        name="logout",
        success="LoggedOut",
        prepare=_logout,
        allowed={actor: only(OWN) for actor in USER_ACTORS if actor != ANONYMOUS},
    ),
]

"""The permission matrix harness: one table of rows, each row one query or mutation and who
may use it, run for every actor × {own, same place, other place} × {list, node(id:), nested}.

A ``ReadRow`` names a type, how to make the object a cell looks for (``target``), three
documents (a list, ``node(id:)`` and a nested edge) and the cells where the object must be
seen (``sees``; every other cell must not show it). A ``WriteRow`` names a mutation, how to
build its variables and a snapshot of what it would change (``prepare``), and the cells
where it must succeed (``allowed``); every other cell must answer HTTP 401,
``PermissionDenied`` or ``NotFound`` and leave the snapshot as it was.

Adding an area (cases, needs, people): write its rows in ``tests/support/matrix_<area>.py``
using the ``World`` below (its places, actors and ``peer()``), and add them to ``ROWS`` in
``tests/permissions/test_matrix.py``. Every actor is run against every row automatically.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.accounts import open_session
from domain.grid import create_grid_node
from domain.roles import assign_role
from models.auth import ApiToken, RoleAssignment, User
from models.enums import DepartmentKind, GridLevel
from models.grid import GridNode
from models.org import Department
from models.people import Person
from permissions import viewer_cache
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import make_token, small_tree
from tests.support.graphql import GraphQLClient

OWN, SAME, OTHER = "own", "same", "other"
RELATIONS = (OWN, SAME, OTHER)
ALL = frozenset(RELATIONS)
LIST, NODE, NESTED = "list", "node", "nested"
ACCESSES = (LIST, NODE, NESTED)

ANONYMOUS, TOKEN, ADMIN = "anonymous", "token", "admin"
# Each actor: the role it holds and its home (a key of World.places). The token acts as a
# grid worker of the north grid with every scope, so only its role and place limit it.
ACTORS: dict[str, tuple[Role | None, str]] = {
    "resident": (Role.RESIDENT, "north_building"),
    "micro_grid_worker": (Role.MICRO_GRID_WORKER, "north_building"),
    "grid_worker": (Role.GRID_WORKER, "north_grid"),
    "community_cadre": (Role.COMMUNITY_CADRE, "north"),
    "department_responder": (Role.DEPARTMENT_RESPONDER, "dept_north"),
    ADMIN: (Role.ADMIN, "north"),
    ANONYMOUS: (None, "north_building"),
    TOKEN: (Role.GRID_WORKER, "north_grid"),
}
# Every actor, in every relation: what public rows allow.
EVERYONE = {actor: ALL for actor in ACTORS}
USER_ACTORS = tuple(a for a in ACTORS if a not in (ANONYMOUS, TOKEN))

Sees = Mapping[str, frozenset[str]]  # actor → relations where the cell is allowed


def only(*relations: str) -> frozenset[str]:
    return frozenset(relations)


@dataclass
class World:
    """The places (a street with a north and a south community, each with two grids, a
    building and a department) and one signed-in caller per actor, all living in the north."""

    places: dict[str, GridNode | Department]
    users: dict[str, User]
    token: ApiToken
    bearer: dict[str, str | None]
    person: Person
    _peers: dict[tuple[str, str], User] = field(default_factory=dict)

    def grid(self, key: str) -> GridNode:
        place = self.places[key]
        assert isinstance(place, GridNode)
        return place

    def department(self, key: str) -> Department:
        place = self.places[key]
        assert isinstance(place, Department)
        return place

    @staticmethod
    def home(actor: str) -> str:
        return ACTORS[actor][1]

    @staticmethod
    def mirror(key: str) -> str:
        """The same kind of place in the other community."""
        return key.replace("north", "south")

    def place_of(self, actor: str, relation: str) -> str:
        """The actor's home for own and same, its mirror for other."""
        home = self.home(actor)
        return self.mirror(home) if relation == OTHER else home

    def grid_home(self, actor: str) -> str:
        """Where an actor works in the tree (a responder: the grid its department serves)."""
        home = self.home(actor)
        return "north_grid" if home.startswith("dept_") else home

    def client(self, gql: GraphQLClient, actor: str) -> GraphQLClient:
        return gql.as_(self.bearer[actor])

    async def peer(self, actor: str, relation: str) -> User:
        """Another user with the actor's role at the actor's home (same) or its mirror (other);
        admins, tokens and visitors get a community cadre's peer."""
        key = (actor, relation)
        if key not in self._peers:
            role, home = ACTORS[actor]
            if role in (None, Role.ADMIN):
                role, home = Role.COMMUNITY_CADRE, "north"
            place = self.mirror(home) if relation == OTHER else home
            name = f"peer-{actor}-{relation}"
            self._peers[key] = await account(role, self.places[place], name)  # type: ignore[arg-type]
        return self._peers[key]


async def account(role: Role, place: GridNode | Department | None, username: str) -> User:
    """An account holding ``role`` at ``place`` (admins: everywhere). It has no usable
    password (argon2 costs half a second here); the world opens its session directly."""
    user = await User.create(username=username, password_hash="!")
    if place is None:
        await assign_role(role=role, user=user, everywhere=True)
    elif isinstance(place, Department):
        await assign_role(role=role, user=user, department=place)
    else:
        await assign_role(role=role, user=user, grid=place)
    return user


async def build_world() -> World:
    places: dict[str, GridNode | Department] = dict(await small_tree())
    for side in ("north", "south"):
        parent = places[side]
        assert isinstance(parent, GridNode)
        places[f"{side}_grid2"] = await create_grid_node(
            name="第二网格", level=GridLevel.GRID, parent=parent
        )
    places["dept_north"] = await Department.create(name="城管局", kind=DepartmentKind.GOVERNMENT)
    places["dept_south"] = await Department.create(
        name="消防队", kind=DepartmentKind.PUBLIC_SERVICE
    )
    person = await Person.create(name="张阿姨", phone="13812345678", place=places["north_building"])
    users: dict[str, User] = {}
    bearer: dict[str, str | None] = {ANONYMOUS: None}
    for actor in USER_ACTORS:
        role, home = ACTORS[actor]
        assert role is not None
        users[actor] = await account(role, None if actor == ADMIN else places[home], actor)
        bearer[actor], _ = await open_session(users[actor])
    # A second admin, so the admin actor may step down (the last admin may not).
    await account(Role.ADMIN, None, "admin-spare")
    await User.filter(id=users["resident"].id).update(person_id=person.id)
    viewer_cache.forget_all()  # linked behind the API's back (no verb does this)
    token, secret = await make_token(Role.GRID_WORKER, places["north_grid"], name="matrix-token")
    bearer[TOKEN] = secret
    return World(places=places, users=users, token=token, bearer=bearer, person=person)


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def assignment_of(user: User) -> RoleAssignment:
    row = await RoleAssignment.filter(user_id=user.id).order_by("id").first()
    assert row is not None
    return row


# --- reads -------------------------------------------------------------------------------

READ_DENIALS = {"permission_denied", "not_found"}

NODE_DOCUMENT = "query($id: ID!) { node(id: $id) { id } }"


@dataclass(frozen=True)
class Target:
    """The object a read cell looks for, and (for the nested edge) the object that leads to it."""

    id: str
    parent: str | None = None


@dataclass(frozen=True)
class ReadRow:
    name: str
    target: Callable[[World, str, str], Awaitable[Target | None]]  # None: no such object
    list: str | None  # a document whose ids include the target's when it is seen
    nested: str | None  # the same through an edge; `$parent` is Target.parent
    sees: Sees
    nested_sees: Sees | None = None  # when the edge's parent is hidden more than the object
    node: str = NODE_DOCUMENT


def collect_ids(value: Any) -> set[str]:
    if isinstance(value, dict):
        found = {v for k, v in value.items() if k == "id" and isinstance(v, str)}
        for v in value.values():
            found |= collect_ids(v)
        return found
    if isinstance(value, list):
        return set().union(*(collect_ids(v) for v in value)) if value else set()
    return set()


async def _shown(client: GraphQLClient, document: str, target: Target) -> bool:
    variables = {
        k: v for k, v in (("id", target.id), ("parent", target.parent)) if f"${k}" in document
    }
    response = await client.post(document, variables)
    body = response.json()
    if response.status_code == 401:
        assert body.get("data") is None, body
        return False
    assert response.status_code == 200, body
    # A read of a place or object (figures, coverage) refuses with an error (and shows no ids).
    for error in body.get("errors", []):
        assert error.get("extensions", {}).get("code") in READ_DENIALS, body["errors"]
    return target.id in collect_ids(body["data"])


async def run_read(gql: GraphQLClient, world: World, row: ReadRow, actor: str) -> list[str]:
    """Every cell of this row for this actor: the mismatches, as readable lines."""
    problems = []
    for relation in RELATIONS:
        target = await row.target(world, actor, relation)
        if target is None:
            continue
        for access, document, sees in (
            (LIST, row.list, row.sees),
            (NODE, row.node, row.sees),
            (NESTED, row.nested, row.nested_sees or row.sees),
        ):
            if document is None:
                continue
            expected = relation in sees.get(actor, frozenset())
            shown = await _shown(world.client(gql, actor), document, target)
            if shown != expected:
                what = "hidden" if expected else "shown"
                problems.append(f"{row.name} × {actor} × {relation} × {access}: was {what}")
    return problems


# --- writes ------------------------------------------------------------------------------

DENIALS = {"PermissionDenied", "NotFound"}


@dataclass(frozen=True)
class Attempt:
    """A mutation's variables and a snapshot of what it would change."""

    variables: dict[str, Any]
    snapshot: Callable[[], Awaitable[Any]]


@dataclass(frozen=True)
class WriteRow:
    name: str  # the mutation field
    success: str  # the success member's __typename
    prepare: Callable[[World, str, str], Awaitable[Attempt | None]]  # None: no such cell
    allowed: Sees
    input_type: str = ""  # defaults to <Name>Input

    @property
    def document(self) -> str:
        input_type = self.input_type or f"{self.name[0].upper()}{self.name[1:]}Input"
        return f"mutation($input: {input_type}!) {{ {self.name}(input: $input) {{ __typename }} }}"


async def run_write(gql: GraphQLClient, world: World, row: WriteRow, actor: str) -> list[str]:
    problems = []
    # own last: an allowed change to oneself (deactivating, revoking) may end one's session
    for relation in (OTHER, SAME, OWN):
        attempt = await row.prepare(world, actor, relation)
        if attempt is None:
            continue
        before = await attempt.snapshot()
        response = await world.client(gql, actor).post(row.document, attempt.variables)
        body = response.json()
        cell = f"{row.name} × {actor} × {relation}"
        if response.status_code == 401:
            answer = "401"
            assert body.get("data") is None, body
        else:
            assert "errors" not in body, body
            answer = body["data"][row.name]["__typename"]
        if relation in row.allowed.get(actor, frozenset()):
            if answer != row.success:
                problems.append(f"{cell}: allowed, but answered {answer}")
        else:
            if answer != "401" and answer not in DENIALS:
                problems.append(f"{cell}: denied, but answered {answer}")
            if await attempt.snapshot() != before:
                problems.append(f"{cell}: denied, but changed something")
    return problems

"""A small world for case tests: a tree, categories, departments, and a user for every role."""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.timezone import now

from domain.passwords import SESSION_PREFIX, hash_password, new_secret, secret_hash
from models.auth import RoleAssignment, Session, User
from models.cases import CaseCategory
from models.enums import DepartmentKind
from models.grid import GridNode
from models.org import Department
from models.people import Person
from permissions.enforcer import reload
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import PASSWORD, small_tree
from tests.support.graphql import GraphQLClient

_counter = itertools.count(1)


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


@functools.cache
def _password_hash() -> str:
    return hash_password(PASSWORD)


async def quick_user(
    role: Role,
    place: GridNode | Department | None = None,
    *,
    person_id: int | None = None,
) -> tuple[int, str]:
    """A user holding ``role`` at ``place`` (admins: everywhere) with an open session, made
    without hashing or verifying a password each time: (user id, token). Call
    ``permissions.enforcer.reload()`` once afterwards."""
    user = await User.create(
        username=f"{role.value}-q{next(_counter)}",
        password_hash=_password_hash(),
        person_id=person_id,
    )
    await RoleAssignment.create(
        role=role,
        user_id=user.id,
        grid_id=place.id if isinstance(place, GridNode) else None,
        department_id=place.id if isinstance(place, Department) else None,
        global_scope=place is None,
    )
    token = new_secret(SESSION_PREFIX)
    await Session.create(
        user_id=user.id, token_hash=secret_hash(token), expires_at=now() + timedelta(days=1)
    )
    return user.id, token


async def person_user(
    role: Role, place: GridNode, *, name: str, phone: str = "13812345678"
) -> tuple[int, int, str]:
    """A user tied to a new person living at ``place`` and holding ``role`` there:
    (person id, user id, token)."""
    person = await Person.create(name=name, phone=phone, place_id=place.id)
    user_id, token = await quick_user(role, place, person_id=person.id)
    return person.id, user_id, token


@dataclass
class World:
    """Everything a case test needs, with a client per role."""

    tree: dict[str, GridNode]
    categories: dict[str, CaseCategory]
    departments: dict[str, Department]
    tokens: dict[str, str]
    users: dict[str, int]
    persons: dict[str, int]
    gql: GraphQLClient

    def as_(self, who: str) -> GraphQLClient:
        return self.gql.as_(self.tokens.get(who))

    def place(self, key: str) -> str:
        return gid("Grid", self.tree[key].id)

    def dept(self, key: str) -> str:
        return gid("Department", self.departments[key].id)


async def build_world(gql: GraphQLClient) -> World:
    """云阳街道 with 振兴路社区 (north) and 新亚洲体育城社区 (south), each with one grid and one
    building; a resident in each building; a micro-grid worker, a grid worker and a cadre in
    the north; a cadre of the street; responders of a property and a heating company."""
    tree = await small_tree()
    categories = {
        "facilities": await CaseCategory.create(name="公共设施"),
        "environment": await CaseCategory.create(name="环境卫生"),
        "heating": await CaseCategory.create(name="供暖"),
    }
    departments = {
        "property": await Department.create(
            name="恒信物业公司", kind=DepartmentKind.PROPERTY_COMPANY
        ),
        "heating": await Department.create(name="热力公司", kind=DepartmentKind.UTILITY),
        "railway": await Department.create(name="铁路办事处", kind=DepartmentKind.GOVERNMENT),
    }
    tokens: dict[str, str] = {}
    users: dict[str, int] = {}
    persons: dict[str, int] = {}
    for key, role, place, name in (
        ("resident", Role.RESIDENT, tree["north_building"], "王秀英"),
        ("south_resident", Role.RESIDENT, tree["south_building"], "李建国"),
        ("micro", Role.MICRO_GRID_WORKER, tree["north_grid"], "赵楼长"),
        ("worker", Role.GRID_WORKER, tree["north_grid"], "陈网格"),
        ("south_worker", Role.GRID_WORKER, tree["south_grid"], "孙网格"),
        ("cadre", Role.COMMUNITY_CADRE, tree["north"], "周书记"),
        ("street_cadre", Role.COMMUNITY_CADRE, tree["street"], "吴主任"),
    ):
        persons[key], users[key], tokens[key] = await person_user(role, place, name=name)
    for key, dept in departments.items():
        users[key], tokens[key] = await quick_user(Role.DEPARTMENT_RESPONDER, dept)
    users["admin"], tokens["admin"] = await quick_user(Role.ADMIN)
    await reload()
    return World(tree, categories, departments, tokens, users, persons, gql)


CASE_FIELDS = """
  id title state version caseClass isWhistle reopenCount returnCount reply
  escalatedTo { name }
  reporterName reporterPhone
  place { name }
  deadline { acceptDueAt handleDueAt warnings isOverdue wasOverdue }
  dispatches { id isLead state departmentName reportInDueAt attendedAt handleDueAt }
  timeline { totalCount nodes { action fromState toState role reason } }
"""

ERRORS = """
  ... on Error { code message }
  ... on ValidationFailed { fieldErrors { field code } }
"""
RESULT = (
    "__typename ... on CaseUpdated { case { " + CASE_FIELDS + " } event { action fromState "
    "toState role } } ... on InvalidTransition { state allowedActions allowedCaseActions allowedNeedActions } "
    + ERRORS
)
SUBMIT_RESULT = "__typename ... on CaseSubmitted { case { " + CASE_FIELDS + " } } " + ERRORS


def _mutation(name: str) -> str:
    result = SUBMIT_RESULT if name == "submitCase" else RESULT
    type_name = name[0].upper() + name[1:]
    return f"mutation($input: {type_name}Input!) {{ {name}(input: $input) {{ {result} }} }}"


MUTATIONS = {
    name: _mutation(name)
    for name in (
        "submitCase",
        "acceptCase",
        "rejectCase",
        "dispatchCase",
        "signForCase",
        "returnCase",
        "requestExtension",
        "decideExtension",
        "resolveCase",
        "verifyCase",
        "replyToReporter",
        "rateCase",
        "closeCase",
        "mergeCase",
        "commentOnCase",
        "escalateCase",
        "attachToCase",
    )
}


async def run(client: GraphQLClient, mutation: str, **input: Any) -> dict[str, Any]:
    """Run a case mutation; return its result (the union member as a dict)."""
    data = await client.data(MUTATIONS[mutation], {"input": input})
    result: dict[str, Any] = data[mutation]
    return result


async def ok(client: GraphQLClient, mutation: str, **input: Any) -> dict[str, Any]:
    """Run a case mutation that must succeed; return the case."""
    result = await run(client, mutation, **input)
    assert result["__typename"] in ("CaseUpdated", "CaseSubmitted"), result
    case: dict[str, Any] = result["case"]
    return case


async def submit(
    world: World, who: str = "resident", place: str = "north_building", **extra: Any
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "title": "小区大门损坏",
        "description": "东门门禁坏了三天，老人进出不便",
        "channel": "STATION",
        "placeId": world.place(place),
    }
    fields.update(extra)
    return await ok(world.as_(who), "submitCase", **fields)

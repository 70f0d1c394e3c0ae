"""A page of accounts costs the same few SQL statements whatever its size."""

from __future__ import annotations

import logging

import pytest

from models.auth import User
from models.enums import DepartmentKind
from models.org import Department
from permissions.enums import Role
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.matrix import account

PAGE = """{ users(first: 20) { totalCount nodes { username department { name }
  roleAssignments { role grid { name } department { name } } } } }"""


async def test_a_page_of_twenty_users_with_their_roles_costs_five_statements(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    tree = await small_tree()
    city = await Department.create(name="城管局", kind=DepartmentKind.GOVERNMENT)
    _, admin = await user_with_role(Role.ADMIN)
    for i in range(10):
        await account(Role.GRID_WORKER, tree["north_grid"], f"worker-{i}")
        user = await account(Role.DEPARTMENT_RESPONDER, city, f"responder-{i}")
        await User.filter(id=user.id).update(department_id=city.id)
    client = gql.as_(admin)
    with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
        caplog.clear()
        body = await client.data(PAGE)
    statements = [
        r.getMessage()
        for r in caplog.records
        if r.name == "tortoise.db_client" and 'MAX("id")' not in r.getMessage()
    ]  # without the staleness check, which runs at most once a second
    assert len(body["users"]["nodes"]) == 20
    assert body["users"]["totalCount"] == 21
    # authentication (session, grants), then the page, its count, assignments, grids, departments
    assert len(statements) == 2 + 5, [s[:80] for s in statements]

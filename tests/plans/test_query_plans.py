"""Every list and filter query the API issues uses an index on every large table it reads."""

from __future__ import annotations

from typing import Any

import pytest

from tests.plans.explain import full_scans, plan
from tests.plans.plan import PlanQuery, Seeded
from tests.plans.queries import PLAN_QUERIES, SEEDS
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.sql_capture import Statement, captured_sql


async def seed() -> Seeded:
    seeded: Seeded = {}
    for step in SEEDS:
        seeded.update(await step(seeded))
    return seeded


def lists_in(data: Any, path: str = "") -> dict[str, bool]:
    """Every list field of the answer (by path, items merged) and whether any holds an item."""
    found: dict[str, bool] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            for inner, filled in lists_in(value, f"{path}.{key}").items():
                found[inner] = found.get(inner, False) or filled
    elif isinstance(data, list):
        found[path] = bool(data)
        for item in data:
            for inner, filled in lists_in(item, f"{path}[]").items():
                found[inner] = found.get(inner, False) or filled
    return found


def always_empty(data: Any) -> list[str]:
    """The list fields that hold no item anywhere in the answer: nested fields below never ran."""
    return sorted(path for path, filled in lists_in(data).items() if not filled)


@pytest.mark.parametrize("case", PLAN_QUERIES, ids=lambda case: case.name)
async def test_no_list_query_scans_a_large_table(gql: GraphQLClient, case: PlanQuery) -> None:
    seeded = await seed()
    client = gql
    if case.role is not None:
        user_id, token = await user_with_role(case.role, seeded[case.place] if case.place else None)
        if case.prepare is not None:
            await case.prepare(seeded, user_id)
        client = gql.as_(token)
    variables = case.variables(seeded)
    # Loads the policy and anything cached first, and shows the seed reaches every nested field.
    answer = await client.data(case.query, variables)
    assert always_empty(answer) == []

    with captured_sql() as captured:
        await client.data(case.query, variables)

    assert captured.selects, "the query sent no SELECT"
    unexplained = {}
    for statement in captured.selects:
        lines = await plan(statement)
        scans = full_scans(statement, lines) - set(case.allowed_scans)
        if scans:
            unexplained[statement.sql] = (sorted(scans), lines)
    assert unexplained == {}


def test_a_list_empty_wherever_it_appears_is_found() -> None:
    answer = {"grids": {"nodes": [{"ancestors": []}, {"ancestors": [{"name": "云阳街道"}]}]}}
    assert always_empty(answer) == []
    answer["grids"]["nodes"][1]["ancestors"] = []
    assert always_empty(answer) == [".grids.nodes[].ancestors"]


async def test_the_check_sees_a_filter_no_index_serves(db: str) -> None:
    await seed()
    unindexed = Statement('SELECT "id" FROM "grid_node" WHERE "households_count" = 3', None)
    paged = Statement('SELECT "id" FROM "station" ORDER BY "id" ASC LIMIT 21', None)
    assert full_scans(unindexed, await plan(unindexed)) == {"grid_node"}
    assert full_scans(paged, await plan(paged)) == set()

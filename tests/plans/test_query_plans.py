"""Every list and filter query the API issues uses an index on every large table it reads."""

from __future__ import annotations

import pytest

from tests.plans.explain import full_scans, plan
from tests.plans.queries import PLAN_QUERIES, SEEDS, PlanQuery, Seeded
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.sql_capture import Statement, captured_sql


async def seed() -> Seeded:
    seeded: Seeded = {}
    for step in SEEDS:
        seeded.update(await step())
    return seeded


@pytest.mark.parametrize("case", PLAN_QUERIES, ids=lambda case: case.name)
async def test_no_list_query_scans_a_large_table(gql: GraphQLClient, case: PlanQuery) -> None:
    seeded = await seed()
    client = gql
    if case.role is not None:
        _, token = await user_with_role(case.role, seeded[case.place] if case.place else None)
        client = gql.as_(token)
    variables = case.variables(seeded)
    await client.data(case.query, variables)  # loads the policy and anything cached first

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


async def test_the_check_sees_a_filter_no_index_serves(db: str) -> None:
    await seed()
    unindexed = Statement('SELECT "id" FROM "grid_node" WHERE "households_count" = 3', None)
    paged = Statement('SELECT "id" FROM "station" ORDER BY "id" ASC LIMIT 21', None)
    assert full_scans(unindexed, await plan(unindexed)) == {"grid_node"}
    assert full_scans(paged, await plan(paged)) == set()

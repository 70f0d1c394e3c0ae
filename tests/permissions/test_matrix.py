"""The permission matrix: every actor × every query and mutation × {own, same place, other
place} × {list, node(id:), nested edge}, as one table (see tests/support/matrix.py).

Each test builds the world once and runs every cell of one row for one actor, reporting all
mismatching cells at once. Other areas add their rows to ``ROWS``.
"""

from __future__ import annotations

import pytest

from schema.schema import schema
from tests.support import (
    matrix_accounts,
    matrix_activities,
    matrix_case_reads,
    matrix_cases,
    matrix_grid,
    matrix_links,
    matrix_map,
    matrix_me,
    matrix_meetings,
    matrix_needs,
    matrix_patrols,
    matrix_people,
)
from tests.support.graphql import GraphQLClient
from tests.support.matrix import ACTORS, ReadRow, WriteRow, build_world, run_read, run_write

ROWS: list[ReadRow | WriteRow] = [
    *matrix_grid.READS,
    *matrix_accounts.READS,
    *matrix_people.READS,
    *matrix_needs.READS,
    *matrix_patrols.READS,
    *matrix_meetings.READS,
    *matrix_activities.READS,
    *matrix_case_reads.READS,
    *matrix_map.READS,
    *matrix_me.READS,
    *matrix_grid.WRITES,
    *matrix_accounts.WRITES,
    *matrix_people.WRITES,
    *matrix_needs.WRITES,
    *matrix_patrols.WRITES,
    *matrix_meetings.WRITES,
    *matrix_activities.WRITES,
    *matrix_cases.WRITES,
    *matrix_case_reads.WRITES,
    *matrix_links.WRITES,
    *matrix_map.WRITES,
]


@pytest.mark.parametrize("actor", list(ACTORS))
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
async def test_matrix(gql: GraphQLClient, row: ReadRow | WriteRow, actor: str) -> None:
    world = await build_world()
    if isinstance(row, ReadRow):
        problems = await run_read(gql, world, row, actor)
    else:
        problems = await run_write(gql, world, row, actor)
    assert problems == []


# Fields outside the table: node/nodes are the "node" access of every row, login needs no
# permission (tests/api/test_unauthorized.py), apiVersion is public and constant.
NOT_ROWS = {"node", "nodes", "apiVersion", "login"}


def test_the_table_has_a_row_for_every_query_and_mutation() -> None:
    fields = {
        name
        for root in ("Query", "Mutation")
        for name in schema._schema.get_type(root).fields  # type: ignore[union-attr]
    }
    assert sorted(fields - NOT_ROWS - {row.name for row in ROWS}) == []

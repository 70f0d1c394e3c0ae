"""The permission matrix: every actor × every query and mutation × {own, same place, other
place} × {list, node(id:), nested edge}, as one table (see tests/support/matrix.py).

Each test builds the world once and runs every cell of one row for one actor, reporting all
mismatching cells at once. Other areas add their rows to ``ROWS``.
"""

from __future__ import annotations

import pytest

from schema.schema import schema
from tests.support import matrix_accounts, matrix_grid, matrix_links, matrix_people
from tests.support.graphql import GraphQLClient
from tests.support.matrix import ACTORS, ReadRow, WriteRow, build_world, run_read, run_write

ROWS: list[ReadRow | WriteRow] = [
    *matrix_grid.READS,
    *matrix_accounts.READS,
    *matrix_people.READS,
    *matrix_grid.WRITES,
    *matrix_accounts.WRITES,
    *matrix_people.WRITES,
    *matrix_links.WRITES,
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


# Covered today by tests/permissions/test_matrix_lists.py's own table, being moved into this one.
PENDING = {
    "activities", "addAgendaItem", "cancelSignUp", "checkIn", "checkOut", "claimNeed",
    "confirmNeed", "createActivity", "createMeeting", "createResourceOffer", "createServiceOffer",
    "endPatrol", "fulfilNeed", "gridsWithoutPatrol", "listFigures", "meetings", "needs",
    "patrols", "postNeed", "publicNeeds", "publishNeed", "recordDecision", "recordFinding",
    "recordVisit", "rejectNeed", "releaseNeed", "resourceMatches", "resourceOffers",
    "serviceOffers", "serviceRecord", "signUp", "signUps", "startPatrol", "turnFindingIntoNeed",
    "turnVisitIntoNeed", "verifyHours", "visitCoverage", "visits", "volunteerHours",
    "writeMinutes",
}  # fmt: skip


# Covered today by tests/permissions/test_matrix_cases.py's own table, being moved into this one.
PENDING_CASES = {'acceptCase', 'attachToCase', 'caseCategories', 'caseFigures', 'cases', 'closeCase', 'commentOnCase', 'createCaseCategory', 'decideExtension', 'dispatchCase', 'escalateCase', 'markNotificationRead', 'mergeCase', 'myNotifications', 'publicCases', 'rateCase', 'rejectCase', 'replyToReporter', 'requestExtension', 'resolveCase', 'returnCase', 'setCalendarDay', 'setTimeLimitRule', 'signForCase', 'submitCase', 'timeLimitRules', 'updateCaseCategory', 'verifyCase'}  # fmt: skip


def test_the_table_has_a_row_for_every_query_and_mutation() -> None:
    fields = {
        name
        for root in ("Query", "Mutation")
        for name in schema._schema.get_type(root).fields  # type: ignore[union-attr]
    }
    assert sorted(fields - NOT_ROWS - PENDING - PENDING_CASES - {row.name for row in ROWS}) == []

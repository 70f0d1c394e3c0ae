"""A page of cases with place, category and reporter costs the same statements for 5 or 20."""

from __future__ import annotations

from models.cases import Case, CaseCategory, place_columns
from models.enums import CaseChannel, CaseState
from models.grid import GridNode
from models.people import Person
from permissions.enums import Role
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.sql_count import count_statements

PAGE = """{ cases(first: 20) { totalCount nodes {
  id title state place { name } reporterName reporterPhone category { name }
  deadline { isOverdue } } } }"""


async def _cases(place: GridNode, category: CaseCategory, n: int, start: int) -> None:
    for i in range(start, start + n):
        person = await Person.create(name=f"居民{i}", phone="13800000000", place_id=place.id)
        await Case.create(
            title=f"事项{i}",
            description="描述",
            category_id=category.id,
            channel=CaseChannel.STATION,
            state=CaseState.SUBMITTED,
            place_id=place.id,
            **place_columns(place.path),
            reporter_id=person.id,
            submitted_month="2026-11",
        )


AUTHENTICATION = ('"user_session"', '"role_assignment"')


def _page_statements(statements: list[str]) -> list[str]:
    """Leave out the enforcer's freshness check (COUNT/MAX of the rule tables) and reading
    the session and its grants: each runs at most once a second whatever the page
    (``permissions/viewer_cache.py``), so on a slow machine it may fall in either block."""
    return [
        s
        for s in statements
        if "MAX(" not in s.upper() and not any(table in s for table in AUTHENTICATION)
    ]


async def test_a_page_of_twenty_cases_costs_as_many_statements_as_a_page_of_five(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    category = await CaseCategory.create(name="公共设施")
    _, token = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    client = gql.as_(token)
    await _cases(tree["north_building"], category, 5, 0)
    await client.data(PAGE)  # warm: the enforcer's staleness check runs at most once a second

    with count_statements() as statements:
        body = await client.data(PAGE)
    five = _page_statements(statements)
    assert len(body["cases"]["nodes"]) == 5

    await _cases(tree["north_grid"], category, 15, 5)
    with count_statements() as statements:
        body = await client.data(PAGE)
    twenty = _page_statements(statements)
    nodes = body["cases"]["nodes"]
    assert len(nodes) == 20
    assert nodes[0]["reporterName"] == "居民0"
    assert nodes[19]["place"] == {"name": "第一网格"}
    assert len(twenty) == len(five), twenty
    # the page, its count, then one batch each for places, people, categories
    assert len(twenty) == 5, twenty

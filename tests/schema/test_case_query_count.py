"""A page of cases with place, category and reporter costs the same statements for 5 or 20."""

from __future__ import annotations

from models.case_records import CaseDispatch
from models.cases import Case, CaseCategory, place_columns
from models.enums import CaseChannel, CaseClass, CaseState, DepartmentKind, DispatchState
from models.grid import GridNode
from models.org import Department
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


ACTIONS_PAGE = "{ cases(first: 20) { totalCount nodes { id state viewerActions } } }"


async def _dispatched(place: GridNode, department: Department, n: int) -> None:
    for i in range(n):
        case = await Case.create(
            title=f"派件{i}",
            description="描述",
            channel=CaseChannel.STATION,
            state=CaseState.DISPATCHED,
            case_class=CaseClass.COORDINATION,
            place_id=place.id,
            **place_columns(place.path),
            reporter_name="邻居",
            submitted_month="2026-11",
        )
        await CaseDispatch.create(
            case_id=case.id, department_id=department.id, state=DispatchState.PENDING
        )


async def test_viewer_actions_on_a_page_cost_one_statement_whatever_its_size(
    gql: GraphQLClient,
) -> None:
    """Given a department with 5, then 20 cases dispatched to it, when its responder lists
    them with viewerActions, then the page costs the same, one batch of dispatches included;
    a cadre (no department) pays nothing for them."""
    tree = await small_tree()
    department = await Department.create(name="城管局", kind=DepartmentKind.GOVERNMENT)
    _, responder = await user_with_role(Role.DEPARTMENT_RESPONDER, department)
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    await _dispatched(tree["north_building"], department, 5)
    counts: dict[tuple[str, int], int] = {}
    for size in (5, 20):
        if size == 20:
            await _dispatched(tree["north_grid"], department, 15)
        for who, token in (("responder", responder), ("cadre", cadre)):
            client = gql.as_(token)
            await client.data(ACTIONS_PAGE)  # warm, as above
            with count_statements() as statements:
                body = await client.data(ACTIONS_PAGE)
            nodes = body["cases"]["nodes"]
            assert len(nodes) == size
            expected = ["SIGN", "RETURN_CASE"] if who == "responder" else ["DISPATCH", "ESCALATE"]
            assert all(set(expected) <= set(n["viewerActions"]) for n in nodes), nodes[0]
            counts[(who, size)] = len(_page_statements(statements))
    # the page and its count; the responder's one batch of active dispatches
    assert counts == {("responder", 5): 3, ("responder", 20): 3, ("cadre", 5): 2, ("cadre", 20): 2}

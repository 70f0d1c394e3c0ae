"""Every list and filter query the API issues, run as the caller it is meant for.

An area adds its queries to ``PLAN_QUERIES`` (a list of its own, concatenated at the bottom);
the test runs each one over HTTP, captures the SQL the app sends, and fails on a full scan
of a large table that the entry does not explain in ``allowed_scans``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from domain.grid import create_grid_node
from models.enums import GridLevel, StationKind
from models.grid import GridNode, Station
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree

Seeded = dict[str, Any]


@dataclass(frozen=True)
class PlanQuery:
    """One GraphQL operation and what it needs."""

    name: str
    query: str
    variables: Callable[[Seeded], dict[str, Any]] = lambda seeded: {}
    # Who asks: None for anonymous; a role held at ``place`` (a key of the seeded data).
    role: Role | None = None
    place: str | None = None
    # table -> why reading all of it is fine for this query
    allowed_scans: dict[str, str] = field(default_factory=dict)


async def seed_places() -> Seeded:
    """The small tree, 40 more grids with a station each, and their global ids."""
    tree = await small_tree()
    for i in range(40):
        grid = await create_grid_node(name=f"网格{i}", level=GridLevel.GRID, parent=tree["north"])
        await Station.create(name=f"驿站{i}", kind=StationKind.PARTY_SERVICE, grid_id=grid.id)
    seeded: Seeded = dict(tree)
    seeded.update({f"{key}_id": to_global_id("Grid", node.id) for key, node in tree.items()})
    seeded["grid_count"] = await GridNode.all().count()
    return seeded


ACTIVE_IS_NOT_SELECTIVE = (
    "nearly every place is active: the page walks the primary key and stops after `first` "
    "rows; the count reads the tree, a few thousand rows in a district"
)

GRID_QUERIES = [
    PlanQuery(
        "grids",
        "{ grids { totalCount nodes { name parent { name } ancestors { name } } } }",
        allowed_scans={"grid_node": ACTIVE_IS_NOT_SELECTIVE},
    ),
    PlanQuery("grids by level", "{ grids(level: GRID) { totalCount nodes { name } } }"),
    PlanQuery("grid roots", "{ grids(rootsOnly: true) { totalCount nodes { name } } }"),
    PlanQuery(
        "grids by parent",
        "query($id: ID!) { grids(parentId: $id) { totalCount nodes { name } } }",
        variables=lambda s: {"id": s["north_id"]},
    ),
    PlanQuery(
        "grid subtree",
        "query($id: ID!) { grids(subtreeOf: $id) { totalCount nodes { name } } }",
        variables=lambda s: {"id": s["north_id"]},
    ),
    PlanQuery(
        "grids by name",
        '{ grids(nameContains: "网格1") { totalCount nodes { name } } }',
        allowed_scans={"grid_node": "a substring search has no index; the tree is small"},
    ),
    PlanQuery(
        "children, history and stations of a place",
        """query($id: ID!) { node(id: $id) { ... on Grid {
             children { totalCount nodes { name } }
             history { totalCount nodes { kind } }
             stations { totalCount nodes { name } } } } }""",
        variables=lambda s: {"id": s["north_id"]},
    ),
    PlanQuery(
        "objects by global id",
        "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Grid { name parent { name } } } }",
        variables=lambda s: {"ids": [s["north_id"], s["south_grid_id"], s["north_building_id"]]},
    ),
    PlanQuery(
        "stations",
        "{ stations { totalCount nodes { name grid { name } } } }",
    ),
    PlanQuery(
        "stations of a subtree",
        "query($id: ID!) { stations(subtreeOf: $id) { totalCount nodes { name } } }",
        variables=lambda s: {"id": s["north_id"]},
    ),
]

SEEDS: list[Callable[[], Awaitable[Seeded]]] = [seed_places]
PLAN_QUERIES: list[PlanQuery] = [*GRID_QUERIES]


async def seed_cases() -> Seeded:
    """A category, a department, and cases in the north grid in several states, one of them
    dispatched to the department."""
    from datetime import datetime, timedelta, timezone

    from models.case_records import CaseDispatch
    from models.cases import Case, CaseCategory, place_columns
    from models.enums import CaseChannel, CaseClass, CaseState, DepartmentKind
    from models.org import Department

    grid = await GridNode.filter(name="第一网格").order_by("id").first()
    assert grid is not None
    category = await CaseCategory.create(name="环境卫生")
    department = await Department.create(name="区城市管理局", kind=DepartmentKind.GOVERNMENT)
    at = datetime(2026, 3, 1, tzinfo=timezone(timedelta(hours=8)))
    cases = [
        await Case.create(
            title=f"事项{n}",
            description="",
            category=category,
            case_class=CaseClass.COORDINATION,
            channel=CaseChannel.HOTLINE,
            state=state,
            place=grid,
            **place_columns(grid.path),
            submitted_month="2026-03",
            accept_due_at=at,
            handle_due_at=at,
        )
        for n, state in enumerate((CaseState.SUBMITTED, CaseState.HANDLING, CaseState.CLOSED))
    ]
    await CaseDispatch.create(case=cases[1], department=department)
    return {
        "category_id": to_global_id("CaseCategory", category.id),
        "case_id": to_global_id("Case", cases[1].id),
    }


CASE_FIELDS = "totalCount nodes { title state place { name } reporterName }"


def _case_list(name: str, args: str) -> PlanQuery:
    used = [(k, d) for k, d in (("id", "$id: ID!"), ("cat", "$cat: ID!")) if f"${k}" in args]
    head = f"query({', '.join(d for _, d in used)})" if used else "query"
    keys = {"id": "north_id", "cat": "category_id"}
    return PlanQuery(
        f"cases {name}".strip(),
        f"{head} {{ cases({args}) {{ {CASE_FIELDS} }} }}",
        variables=lambda s: {k: s[keys[k]] for k, _ in used},
        role=Role.COMMUNITY_CADRE,
        place="north",
    )


CASE_QUERIES = (
    [
        _case_list(name, args)
        for name, args in (
            ("", "first: 20"),
            ("by state", "state: HANDLING"),
            ("by class", "caseClass: COORDINATION"),
            ("by category", "categoryId: $cat"),
            ("of a subtree", "subtreeOf: $id"),
            ("overdue", "overdue: true"),
            ("not overdue", "overdue: false"),
            ("mine", "mine: true"),
        )
    ]
    + [
        PlanQuery(
            "public cases",
            "query($id: ID!) { publicCases(subtreeOf: $id) { nodes { title } } }",
            variables=lambda s: {"id": s["north_id"]},
        ),
        PlanQuery(
            "a case with its records",
            """query($id: ID!) { node(id: $id) { ... on Case { title
             timeline { nodes { action } } dispatches { isLead } ratings { score }
             attachments { filename } extensions { days } duplicates { title } } } }""",
            variables=lambda s: {"id": s["case_id"]},
            role=Role.COMMUNITY_CADRE,
            place="north",
        ),
    ]
    + [
        PlanQuery(
            f"case figures by {group}",
            f"""query($id: ID!) {{ caseFigures(placeId: $id, monthFrom: "2026-01",
             monthTo: "2026-12", groupBy: {group}) {{ key received closed overdue }} }}""",
            variables=lambda s: {"id": s["north_id"]},
            role=Role.COMMUNITY_CADRE,
            place="north",
        )
        for group in ("NONE", "MONTH", "CATEGORY", "CHILD_PLACE", "DEPARTMENT")
    ]
)

SEEDS.append(seed_cases)
PLAN_QUERIES.extend(CASE_QUERIES)

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

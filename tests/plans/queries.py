"""Every list and filter query the API issues, run as the caller it is meant for.

Each area keeps its seed and its entries in a module of its own, composed at the bottom; the
test runs each one over HTTP, captures the SQL the app sends, and fails on a full scan
of a large table that the entry does not explain in ``allowed_scans``.
"""

from __future__ import annotations

from domain.grid import create_grid_node
from models.enums import GridLevel, StationKind
from models.grid import GridNode, Station
from schema.relay import to_global_id
from tests.plans import (
    accounts_queries,
    case_queries,
    lists_queries,
    map_queries,
    meeting_queries,
    patrol_queries,
    people_queries,
    volunteering_queries,
)
from tests.plans.plan import PlanQuery, Seed, Seeded
from tests.support.factories import small_tree


async def seed_places(_: Seeded) -> Seeded:
    """The small tree, 40 more grids with a station each, a station of the north community,
    and their global ids."""
    tree = await small_tree()
    await Station.create(
        name="振兴路驿站", kind=StationKind.PARTY_SERVICE, grid_id=tree["north"].id
    )
    for i in range(40):
        grid = await create_grid_node(name=f"网格{i}", level=GridLevel.GRID, parent=tree["north"])
        await Station.create(name=f"驿站{i}", kind=StationKind.PARTY_SERVICE, grid_id=grid.id)
    seeded = dict(tree)
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
        "a grid's team (its current posts)",
        """query($id: ID!) { node(id: $id) { ... on Grid {
             team { totalCount nodes { post workerName } } } } }""",
        variables=lambda s: {"id": s["north_grid_id"]},
    ),
    PlanQuery(
        "stations of a subtree",
        "query($id: ID!) { stations(subtreeOf: $id) { totalCount nodes { name } } }",
        variables=lambda s: {"id": s["north_id"]},
    ),
]

# Each area's seed (run in this order, each seeing what the earlier ones seeded) and entries.
SEEDS: list[Seed] = [
    seed_places,
    case_queries.seed_cases,
    map_queries.seed_map,
    people_queries.seed_people,
    accounts_queries.seed_accounts,
    lists_queries.seed_lists,
    patrol_queries.seed_patrols,
    meeting_queries.seed_meetings,
    volunteering_queries.seed_volunteering,
]
PLAN_QUERIES: list[PlanQuery] = [
    *GRID_QUERIES,
    *case_queries.CASE_QUERIES,
    *map_queries.MAP_QUERIES,
    *people_queries.PEOPLE_QUERIES,
    *accounts_queries.ACCOUNT_QUERIES,
    *lists_queries.LIST_QUERIES,
    *patrol_queries.PATROL_QUERIES,
    *meeting_queries.MEETING_QUERIES,
    *volunteering_queries.VOLUNTEERING_QUERIES,
]

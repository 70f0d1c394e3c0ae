"""GraphQL types of the places: grids (every level of the tree), their history, stations."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from domain.tree import ids_in_path
from models.enums import GridChangeKind, GridLevel, StationKind
from models.grid import GridChange, GridNode, PlaceBoundary, Station
from models.org import WorkerAssignment
from permissions.rows import children, visible
from schema import enums as _enums  # noqa: F401  (registers the enums)
from schema.context import Info
from schema.pagination import Connection, Page, connection, paginate
from schema.relay import Node, register_node, to_global_id

if TYPE_CHECKING:
    from schema.people.org_types import WorkerAssignmentType

GridLevelArg = Annotated[GridLevel, strawberry.argument(description="A level of the tree.")]
IncludeClosedArg = Annotated[
    bool, strawberry.argument(description="Also closed stations (they are kept, with `closedAt`).")
]


@strawberry.type(
    name="Grid",
    description="A place of the grid tree: street, community, area, grid, micro-grid or building.",
)
class GridType(Node):
    name: str = strawberry.field(description="Name, unique among its siblings.")
    level: GridLevel = strawberry.field(description="Level in the tree.")
    depth: int = strawberry.field(description="Number of ancestors (0 for a root).")
    is_active: bool = strawberry.field(description="False once merged into another place.")
    households_count: int = strawberry.field(
        description="Households the place plans for or serves."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    model: strawberry.Private[GridNode]

    @classmethod
    def from_model(cls, row: GridNode) -> GridType:
        return cls(
            id=to_global_id("Grid", row.id),
            name=row.name,
            level=row.level,
            depth=row.depth,
            is_active=row.is_active,
            households_count=row.households_count,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The parent place; null for a root.")
    async def parent(self, info: Info) -> GridType | None:
        if self.model.parent_id is None:
            return None
        row = await info.context.loaders.by_id(GridNode).load(self.model.parent_id)
        return GridType.from_model(row) if row else None

    @strawberry.field(description="Every ancestor from the root down to the parent.")
    async def ancestors(self, info: Info) -> list[GridType]:
        ids = ids_in_path(self.model.path)[:-1]
        rows = await info.context.loaders.by_id(GridNode).load_many(ids)
        return [GridType.from_model(r) for r in rows if r is not None]

    @strawberry.field(description="The place this one was merged into, if it was.")
    async def merged_into(self, info: Info) -> GridType | None:
        if self.model.merged_into_id is None:
            return None
        row = await info.context.loaders.by_id(GridNode).load(self.model.merged_into_id)
        return GridType.from_model(row) if row else None

    @strawberry.field(
        description="The ancestor-or-self at the given level, e.g. this building's grid."
    )
    async def ancestor_at(self, info: Info, level: GridLevelArg) -> GridType | None:
        return await ancestor_at_level(info, self.model, level)

    @connection(
        description="Direct children, active ones unless `includeInactive`.", backwards=True
    )
    async def children(
        self,
        info: Info,
        page: Page,
        include_inactive: Annotated[
            bool, strawberry.argument(description="Also merged-away places.")
        ] = False,
    ) -> Connection[GridType]:
        query = visible(GridNode, info.context.viewer).filter(parent_id=self.model.id)
        if not include_inactive:
            query = query.filter(is_active=True)
        return await paginate(query, GridType.from_model, page)

    @connection(description="Stations (驿站) of this place, open ones unless `includeClosed`.")
    async def stations(
        self, info: Info, page: Page, include_closed: IncludeClosedArg = False
    ) -> Connection[StationType]:
        query = visible(Station, info.context.viewer).filter(grid_id=self.model.id)
        if not include_closed:
            query = query.filter(closed_at__isnull=True)
        return await paginate(query, StationType.from_model, page)

    @connection(
        description="The place's team as on its public board (网格公示牌): the current posts "
        'held here — grid worker, micro-grid workers, leader, and the "3+X" (police officer, '
        "property company, dual-registered party members, resident activists)."
    )
    async def team(
        self, info: Info, page: Page
    ) -> Connection[Annotated[WorkerAssignmentType, strawberry.lazy("schema.people.org_types")]]:
        from schema.people.org_types import WorkerAssignmentType

        query = visible(WorkerAssignment, info.context.viewer).filter(
            place_id=self.model.id, ended_on__isnull=True
        )
        return await paginate(query, WorkerAssignmentType.from_model, page)

    @strawberry.field(
        description="Its area on the map: a GeoJSON Polygon or MultiPolygon in GCJ-02 "
        "[longitude, latitude] (as Gaode's and Tencent's map SDKs draw it); null if none."
    )
    async def boundary(self, info: Info) -> strawberry.scalars.JSON | None:
        rows = await info.context.loaders.children(PlaceBoundary, "place_id").load(self.model.id)
        return rows[0].geometry if rows else None

    @connection(description="The history of this place: creation, renames, moves, merges.")
    async def history(self, page: Page) -> Connection[GridChangeType]:
        return await paginate(children(GridChange, self.model), GridChangeType.from_model, page)


async def ancestor_at_level(info: Info, node: GridNode, level: GridLevel) -> GridType | None:
    """The node's ancestor-or-self at ``level``, through the per-request loader."""
    if node.level == level:
        return GridType.from_model(node)
    rows = await info.context.loaders.by_id(GridNode).load_many(ids_in_path(node.path))
    for row in rows:
        if row is not None and row.level == level:
            return GridType.from_model(row)
    return None


@strawberry.type(name="GridChange", description="One recorded change to a place; never edited.")
class GridChangeType(Node):
    kind: GridChangeKind = strawberry.field(description="What happened.")
    before: strawberry.scalars.JSON | None = strawberry.field(
        description="The place's fields before."
    )
    after: strawberry.scalars.JSON | None = strawberry.field(
        description="The place's fields after."
    )
    created_at: datetime = strawberry.field(description="When it happened.")
    model: strawberry.Private[GridChange]

    @classmethod
    def from_model(cls, row: GridChange) -> GridChangeType:
        return cls(
            id=to_global_id("GridChange", row.id),
            kind=row.kind,
            before=row.before,
            after=row.after,
            created_at=row.created_at,
            model=row,
        )


@strawberry.type(name="Station", description="A 驿站 in a grid: report, borrow, get services.")
class StationType(Node):
    name: str = strawberry.field(description="Name.")
    kind: StationKind = strawberry.field(description="Kind of station.")
    address: str = strawberry.field(description="Street address.")
    opening_hours: str = strawberry.field(description="When it is open.")
    closed_at: datetime | None = strawberry.field(
        description="When it closed; null while it is open."
    )
    model: strawberry.Private[Station]

    @classmethod
    def from_model(cls, row: Station) -> StationType:
        return cls(
            id=to_global_id("Station", row.id),
            name=row.name,
            kind=row.kind,
            address=row.address,
            opening_hours=row.opening_hours,
            closed_at=row.closed_at,
            model=row,
        )

    @strawberry.field(description="The grid it belongs to.")
    async def grid(self, info: Info) -> GridType:
        return await grid_of(info, self.model.grid_id)


async def grid_of(info: Info, pk: int) -> GridType:
    """The place a row's foreign key points at (so it is there), through the request's loader."""
    row = await info.context.loaders.by_id(GridNode).load(pk)
    assert row is not None  # a foreign key
    return GridType.from_model(row)


async def _fetch_grids(info: Any, ids: list[int]) -> list[Any]:
    rows = await info.context.loaders.by_id(GridNode).load_many(ids)
    return [GridType.from_model(r) if r else None for r in rows]


async def _fetch_stations(info: Any, ids: list[int]) -> list[Any]:
    rows = await info.context.loaders.by_id(Station).load_many(ids)
    return [StationType.from_model(r) if r else None for r in rows]


async def _fetch_changes(info: Any, ids: list[int]) -> list[Any]:
    rows = await info.context.loaders.by_id(GridChange).load_many(ids)
    return [GridChangeType.from_model(r) if r else None for r in rows]


# The tree and its stations are public: residents choose where to report.
register_node("Grid", _fetch_grids)
register_node("Station", _fetch_stations)
register_node("GridChange", _fetch_changes)

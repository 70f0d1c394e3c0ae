"""Query fields of the places."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.enums import GridLevel
from models.grid import GridNode, Station
from permissions.rows import visible
from schema.args import PlaceArg
from schema.context import Info
from schema.grid.types import GridType, IncludeClosedArg, StationType
from schema.lookup import filter_to_subtree, visible_grid
from schema.pagination import Connection, Page, connection, paginate


@strawberry.type
class GridQueries:
    @connection(description="Places of the grid tree, filtered; ordered by id.", backwards=True)
    async def grids(
        self,
        info: Info,
        page: Page,
        level: Annotated[
            GridLevel | None, strawberry.argument(description="Only this level.")
        ] = None,
        parent_id: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only direct children of this place."),
        ] = None,
        subtree_of: PlaceArg = None,
        roots_only: Annotated[
            bool, strawberry.argument(description="Only places without a parent.")
        ] = False,
        name_contains: Annotated[
            str | None, strawberry.argument(description="Name contains this text.")
        ] = None,
        include_inactive: Annotated[
            bool, strawberry.argument(description="Also merged-away places.")
        ] = False,
    ) -> Connection[GridType]:
        query = visible(GridNode, info.context.viewer)
        if level:
            query = query.filter(level=level)
        if parent_id is not None:
            parent = await visible_grid(info, parent_id, field="parentId")
            query = query.filter(parent_id=parent.id)
        query = await filter_to_subtree(
            info, query, subtree_of, field="subtreeOf", path_field="path"
        )
        if roots_only:
            query = query.filter(parent_id__isnull=True)
        if name_contains:
            query = query.filter(name__contains=name_contains)
        if not include_inactive:
            query = query.filter(is_active=True)
        return await paginate(query, GridType.from_model, page)

    @connection(
        description="Stations (驿站), open ones unless `includeClosed`, optionally those in one "
        "place's subtree.",
        backwards=True,
    )
    async def stations(
        self,
        info: Info,
        page: Page,
        subtree_of: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only stations in this subtree.")
        ] = None,
        include_closed: IncludeClosedArg = False,
    ) -> Connection[StationType]:
        query = await filter_to_subtree(
            info,
            visible(Station, info.context.viewer),
            subtree_of,
            field="subtreeOf",
            path_field="grid__path",
        )
        if not include_closed:
            query = query.filter(closed_at__isnull=True)
        return await paginate(query, StationType.from_model, page)

"""Query fields of the places."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.enums import GridLevel
from models.grid import GridNode, Station
from permissions.rows import visible
from schema.args import After, Before, First, Last, PlaceArg
from schema.context import Info
from schema.grid.types import GridType, StationType
from schema.lookup import filter_to_subtree, visible_grid
from schema.pagination import Connection, paginate


@strawberry.type
class GridQueries:
    @strawberry.field(description="Places of the grid tree, filtered; ordered by id.")
    async def grids(
        self,
        info: Info,
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
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
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
        return await paginate(
            query, GridType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Stations (驿站), optionally those in one place's subtree.")
    async def stations(
        self,
        info: Info,
        subtree_of: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only stations in this subtree.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[StationType]:
        query = await filter_to_subtree(
            info,
            visible(Station, info.context.viewer),
            subtree_of,
            field="subtreeOf",
            path_field="grid__path",
        )
        return await paginate(
            query, StationType.from_model, first=first, after=after, last=last, before=before
        )

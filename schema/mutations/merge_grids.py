"""mergeGrids: merge places into one (Lanzhou merged 37 grids into 24), keeping all history."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.errors import ValidationFailedError
from domain.grid import merge_grid_nodes
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(description="Places to merge and the place that absorbs them.")
class MergeGridsInput:
    source_ids: list[strawberry.ID] = strawberry.field(description="The places merged away (1–50).")
    target_id: strawberry.ID = strawberry.field(description="The place that absorbs them.")


@strawberry.type(
    description="The places were merged; the sources are now inactive children of the target."
)
class GridsMerged:
    grid: GridType = strawberry.field(description="The absorbing place.")
    merged: list[GridType] = strawberry.field(description="The places merged away.")


MergeGridsResult = Annotated[
    GridsMerged | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("MergeGridsResult", description="The result of mergeGrids."),
]


async def merge_grids(info: Info, input: MergeGridsInput) -> MergeGridsResult:
    if not 1 <= len(input.source_ids) <= 50 or len(set(input.source_ids)) != len(input.source_ids):
        raise ValidationFailedError.one("sourceIds", "Give 1 to 50 distinct places")
    target = await visible_grid(info, input.target_id, field="targetId")
    sources = [
        await visible_grid(info, source_id, field=f"sourceIds.{i}")
        for i, source_id in enumerate(input.source_ids)
    ]
    for node in (target, *sources):
        require(info, Resource.GRID, Action.UPDATE, node.path)
    await merge_grid_nodes(sources=sources, target=target, actor_id=info.context.viewer.user_id)
    return GridsMerged(
        grid=GridType.from_model(target), merged=[GridType.from_model(s) for s in sources]
    )

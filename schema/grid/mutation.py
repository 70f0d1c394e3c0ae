"""The grid tree's mutations (each in its own module under ``schema/mutations/``)."""

from __future__ import annotations

import strawberry

from schema.mutations.create_grid import create_grid
from schema.mutations.import_boundaries import import_boundaries
from schema.mutations.merge_grids import merge_grids
from schema.mutations.move_grid import move_grid
from schema.mutations.rename_grid import rename_grid


@strawberry.type
class GridMutations:
    create_grid = strawberry.mutation(resolver=create_grid, description="Add a place to the tree.")
    rename_grid = strawberry.mutation(resolver=rename_grid, description="Rename a place.")
    move_grid = strawberry.mutation(resolver=move_grid, description="Move a place and its subtree.")
    merge_grids = strawberry.mutation(resolver=merge_grids, description="Merge places into one.")
    import_boundaries = strawberry.mutation(
        resolver=import_boundaries,
        description="Set places' boundaries (GCJ-02) from GeoJSON: all features, or none.",
    )

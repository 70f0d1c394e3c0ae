"""The grid tree's and its stations' mutations (each in its own module under ``schema/mutations/``)."""

from __future__ import annotations

import strawberry

from schema.mutations.close_station import close_station
from schema.mutations.create_grid import create_grid
from schema.mutations.create_station import create_station
from schema.mutations.import_boundaries import import_boundaries
from schema.mutations.merge_grids import merge_grids
from schema.mutations.move_grid import move_grid
from schema.mutations.rename_grid import rename_grid
from schema.mutations.update_station import update_station


@strawberry.type
class GridMutations:
    create_grid = strawberry.mutation(resolver=create_grid, description="Add a place to the tree.")
    rename_grid = strawberry.mutation(resolver=rename_grid, description="Rename a place.")
    move_grid = strawberry.mutation(resolver=move_grid, description="Move a place and its subtree.")
    merge_grids = strawberry.mutation(resolver=merge_grids, description="Merge places into one.")
    create_station = strawberry.mutation(
        resolver=create_station, description="Open a station (驿站) in a place."
    )
    update_station = strawberry.mutation(
        resolver=update_station, description="Change a station's name, kind, address or hours."
    )
    close_station = strawberry.mutation(
        resolver=close_station, description="Close a station; it is kept, out of active lists."
    )
    import_boundaries = strawberry.mutation(
        resolver=import_boundaries,
        description="Set places' boundaries (GCJ-02) from GeoJSON: all features, or none.",
    )

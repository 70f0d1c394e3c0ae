"""The station an input names and the place whose cadres may change it."""

from __future__ import annotations

import strawberry

from models.grid import GridNode, Station
from schema.context import Info
from schema.visibility import visible_object


async def station_and_place(info: Info, global_id: strawberry.ID) -> tuple[Station, GridNode]:
    station = await visible_object(info, Station, global_id, field="id")
    place = await info.context.loaders.by_id(GridNode).load(station.grid_id)
    assert place is not None  # a foreign key
    return station, place

"""closeStation: close a station; it is kept, with the moment it closed."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.stations import close_station as close_station_verb
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import StationType
from schema.guards import require
from schema.mutations.station_place import station_and_place


@strawberry.input(description="The station to close.")
class CloseStationInput:
    id: strawberry.ID = strawberry.field(description="The station.")


@strawberry.type(description="The station was closed.")
class StationClosed:
    station: StationType = strawberry.field(description="The closed station, with `closedAt`.")


CloseStationResult = Annotated[
    StationClosed | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CloseStationResult", description="The result of closeStation."),
]


async def close_station(info: Info, input: CloseStationInput) -> CloseStationResult:
    station, place = await station_and_place(info, input.id)
    require(info, Resource.STATION, Action.CLOSE, place.path)
    closed = await close_station_verb(station=station, actor=info.context.viewer)
    return StationClosed(station=StationType.from_model(closed))

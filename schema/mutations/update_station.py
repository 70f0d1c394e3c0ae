"""updateStation: change a station's name, kind, address or opening hours."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.stations import update_station as update_station_verb
from models.enums import StationKind
from models.grid import Station
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import StationType
from schema.guards import require
from schema.mutations.station_place import station_and_place


@strawberry.input(description="A station and the fields to change; omitted ones stay.")
class UpdateStationInput:
    id: strawberry.ID = strawberry.field(description="The station.")
    name: str | None = strawberry.field(
        default=None, description="New name, unique among the place's stations."
    )
    kind: StationKind | None = strawberry.field(default=None, description="New kind.")
    address: str | None = strawberry.field(default=None, description="New street address.")
    opening_hours: str | None = strawberry.field(default=None, description="New opening hours.")


@strawberry.type(description="The station was changed.")
class StationUpdated:
    station: StationType = strawberry.field(description="The changed station.")


UpdateStationResult = Annotated[
    StationUpdated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("UpdateStationResult", description="The result of updateStation."),
]


async def update_station(info: Info, input: UpdateStationInput) -> UpdateStationResult:
    station, place = await station_and_place(info, input.id)
    require(info, Resource.STATION, Action.UPDATE, place.path)
    updated: Station = await update_station_verb(
        station=station,
        name=input.name,
        kind=input.kind,
        address=input.address,
        opening_hours=input.opening_hours,
        actor=info.context.viewer,
    )
    return StationUpdated(station=StationType.from_model(updated))

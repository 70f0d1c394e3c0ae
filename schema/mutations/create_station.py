"""createStation: open a station (驿站) in a place."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.stations import create_station as create_station_verb
from models.enums import StationKind
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import StationType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(description="A new station in a place.")
class CreateStationInput:
    place_id: strawberry.ID = strawberry.field(
        description="The community, area, grid or micro-grid it serves."
    )
    name: str = strawberry.field(description="Name, unique among the place's stations.")
    kind: StationKind = strawberry.field(description="Kind of station.")
    address: str = strawberry.field(default="", description="Street address.")
    opening_hours: str = strawberry.field(default="", description="When it is open.")


@strawberry.type(description="The station was opened.")
class StationCreated:
    station: StationType = strawberry.field(description="The new station.")


CreateStationResult = Annotated[
    StationCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateStationResult", description="The result of createStation."),
]


async def create_station(info: Info, input: CreateStationInput) -> CreateStationResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.STATION, Action.CREATE, place.path)
    station = await create_station_verb(
        place=place,
        name=input.name,
        kind=input.kind,
        address=input.address,
        opening_hours=input.opening_hours,
        actor=info.context.viewer,
    )
    return StationCreated(station=StationType.from_model(station))

"""createCoBuildingUnit: a unit that co-builds with a place (共建单位)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import create_co_building_unit as create_co_building_unit_verb
from models.enums import UnitKind
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.org_types import CoBuildingUnitType


@strawberry.input(description="A new co-building unit.")
class CreateCoBuildingUnitInput:
    name: str = strawberry.field(description="Name, unique in its place.")
    kind: UnitKind = strawberry.field(description="Kind of unit.")
    place_id: strawberry.ID = strawberry.field(description="The place it works with.")
    contact_name: str = strawberry.field(default="", description="Contact person.")
    contact_phone: str = strawberry.field(default="", description="The unit's contact phone.")


@strawberry.type(description="The co-building unit was recorded.")
class CoBuildingUnitCreated:
    co_building_unit: CoBuildingUnitType = strawberry.field(description="The new unit.")


CreateCoBuildingUnitResult = Annotated[
    CoBuildingUnitCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union(
        "CreateCoBuildingUnitResult", description="The result of createCoBuildingUnit."
    ),
]


async def create_co_building_unit(
    info: Info, input: CreateCoBuildingUnitInput
) -> CreateCoBuildingUnitResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.CO_BUILDING_UNIT, Action.CREATE, place.path)
    unit = await create_co_building_unit_verb(
        name=input.name,
        kind=input.kind,
        place=place,
        contact_name=input.contact_name,
        contact_phone=input.contact_phone,
        actor=info.context.viewer,
    )
    return CoBuildingUnitCreated(co_building_unit=CoBuildingUnitType.from_model(unit))

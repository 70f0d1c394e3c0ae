"""createHousehold: record a household at a door of a building."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.people import create_household as create_household_verb
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.types import HouseholdType


@strawberry.input(description="A new household.")
class CreateHouseholdInput:
    building_id: strawberry.ID = strawberry.field(
        description="The building (or micro-grid/grid where buildings are not mapped)."
    )
    door: str = strawberry.field(description="Door or room number, unique in the building.")
    address: str = strawberry.field(default="", description="Full street address.")


@strawberry.type(description="The household was recorded.")
class HouseholdCreated:
    household: HouseholdType = strawberry.field(description="The new household.")


CreateHouseholdResult = Annotated[
    HouseholdCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateHouseholdResult", description="The result of createHousehold."),
]


async def create_household(info: Info, input: CreateHouseholdInput) -> CreateHouseholdResult:
    building = await visible_grid(info, input.building_id, field="buildingId")
    require(info, Resource.HOUSEHOLD, Action.CREATE, building.path)
    household = await create_household_verb(
        building=building, door=input.door, address=input.address, actor=info.context.viewer
    )
    return HouseholdCreated(household=HouseholdType.from_model(household))

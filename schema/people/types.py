"""GraphQL types of the people: persons and the households they live in.

Personal fields (phone, address, key-group tags) are whole only for the person themself and
for those whose role may ``read_personal`` at the person's place; others get them masked.
"""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain.validation import mask_phone
from models.enums import Gender, GridLevel, HouseholdRelation, KeyGroup
from models.grid import GridNode
from models.people import Household, Person, PersonTag
from permissions.enums import Resource
from permissions.scope import may_see_personal
from schema import enums as _enums  # noqa: F401  (registers the enums)
from schema.context import Info
from schema.grid.types import GridType, ancestor_at_level
from schema.relay import Node, register_node, to_global_id
from schema.visibility import node_fetcher, visible_by_fk, visible_by_id


async def place_of(info: Info, place_id: int) -> GridNode:
    row = await info.context.loaders.by_id(GridNode).load(place_id)
    assert row is not None  # a foreign key
    return row


async def sees_personal(info: Info, resource: Resource, place_id: int, *owners: int) -> bool:
    """May the viewer see this row's personal fields whole (see the module docstring)?"""
    place = await place_of(info, place_id)
    return may_see_personal(info.context.viewer, resource, place.path, *owners)


@strawberry.type(name="Person", description="A resident, worker, cadre or member.")
class PersonType(Node):
    name: str = strawberry.field(description="Full name.")
    gender: Gender = strawberry.field(description="Gender.")
    birth_year: int | None = strawberry.field(description="Year of birth, if known.")
    relation: HouseholdRelation | None = strawberry.field(
        description="Relation to the head of their household."
    )
    created_at: datetime = strawberry.field(description="When they were recorded.")
    model: strawberry.Private[Person]

    @classmethod
    def from_model(cls, row: Person) -> PersonType:
        return cls(
            id=to_global_id("Person", row.id),
            name=row.name,
            gender=row.gender,
            birth_year=row.birth_year,
            relation=row.relation,
            created_at=row.created_at,
            model=row,
        )

    async def _personal(self, info: Info) -> bool:
        return await sees_personal(info, Resource.PERSON, self.model.place_id, self.model.id)

    @strawberry.field(description="Phone number; masked (138****5678) unless you may see it.")
    async def phone(self, info: Info) -> str:
        if await self._personal(info):
            return self.model.phone
        return mask_phone(self.model.phone)

    @strawberry.field(description="Whether the phone number shown is masked.")
    async def phone_masked(self, info: Info) -> bool:
        return not await self._personal(info)

    @strawberry.field(
        description="Key groups visited monthly (六访); null when you may not see them."
    )
    async def key_groups(self, info: Info) -> list[KeyGroup] | None:
        if not await self._personal(info):
            return None
        tags = await info.context.loaders.children(PersonTag, "person_id", "tag").load(
            self.model.id
        )
        return [t.tag for t in tags]

    @strawberry.field(description="The household they belong to, if visible to you.")
    async def household(self, info: Info) -> HouseholdType | None:
        if self.model.household_id is None:
            return None
        row = await visible_by_id(info, Household).load(self.model.household_id)
        return HouseholdType.from_model(row) if row else None

    @strawberry.field(description="The smallest place they live in (usually their building).")
    async def place(self, info: Info) -> GridType:
        return GridType.from_model(await place_of(info, self.model.place_id))

    @strawberry.field(description="The building they live in, if the tree goes down that far.")
    async def building(self, info: Info) -> GridType | None:
        return await ancestor_at_level(
            info, await place_of(info, self.model.place_id), GridLevel.BUILDING
        )

    @strawberry.field(description="The grid (网格) they live in.")
    async def grid(self, info: Info) -> GridType | None:
        return await ancestor_at_level(
            info, await place_of(info, self.model.place_id), GridLevel.GRID
        )


@strawberry.type(name="Household", description="A household (户) at a door of a building.")
class HouseholdType(Node):
    door: str = strawberry.field(description="Door or room number, e.g. 3-201.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[Household]

    @classmethod
    def from_model(cls, row: Household) -> HouseholdType:
        return cls(
            id=to_global_id("Household", row.id),
            door=row.door,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="Full street address; null unless you may see it.")
    async def address(self, info: Info) -> str | None:
        owners = [
            m.id for m in await visible_by_fk(info, Person, "household_id").load(self.model.id)
        ]
        if await sees_personal(info, Resource.HOUSEHOLD, self.model.building_id, *owners):
            return self.model.address
        return None

    @strawberry.field(description="The building (or smallest place) it lives in.")
    async def building(self, info: Info) -> GridType:
        return GridType.from_model(await place_of(info, self.model.building_id))

    @strawberry.field(description="The grid (网格) it belongs to.")
    async def grid(self, info: Info) -> GridType | None:
        return await ancestor_at_level(
            info, await place_of(info, self.model.building_id), GridLevel.GRID
        )

    @strawberry.field(description="Its members you may see, head first by record order.")
    async def members(self, info: Info) -> list[PersonType]:
        rows = await visible_by_fk(info, Person, "household_id").load(self.model.id)
        return [PersonType.from_model(r) for r in rows]


register_node("Person", node_fetcher(Person, PersonType.from_model))
register_node("Household", node_fetcher(Household, HouseholdType.from_model))

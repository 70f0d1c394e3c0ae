"""createResourceOffer: record what a co-building unit or party member offers (资源清单)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.offers import create_resource_offer
from models.enums import ListCategory, ProviderKind
from models.org import CoBuildingUnit, PartyMember
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import require_at_home, row_for
from schema.lists.offer_types import ResourceOfferType
from schema.lookup import visible_grid


@strawberry.input(description="A new entry of the resource list.")
class CreateResourceOfferInput:
    provider_kind: ProviderKind = strawberry.field(description="Who offers it.")
    unit_id: strawberry.ID | None = strawberry.field(
        default=None, description="The co-building unit, for a unit's offer."
    )
    party_member_id: strawberry.ID | None = strawberry.field(
        default=None, description="The party member, for a member's offer."
    )
    title: str = strawberry.field(description="What is offered.")
    category: ListCategory = strawberry.field(description="What it is about.")
    description: str = strawberry.field(default="", description="Details.")
    capacity: int = strawberry.field(default=1, description="How many needs it can meet at once.")
    available_from: date | None = strawberry.field(default=None, description="First day.")
    available_until: date | None = strawberry.field(default=None, description="Last day.")
    availability: str = strawberry.field(default="", description="When, in words.")
    place_id: strawberry.ID = strawberry.field(description="The place (and subtree) it serves.")
    publish: bool = strawberry.field(default=False, description="Put it on the public list now.")


@strawberry.type(description="The resource was recorded.")
class ResourceOfferCreated:
    resource_offer: ResourceOfferType = strawberry.field(description="The new entry.")


CreateResourceOfferResult = Annotated[
    ResourceOfferCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateResourceOfferResult", description="The result of createResourceOffer."),
]


async def create_resource_offer_mutation(
    info: Info, input: CreateResourceOfferInput
) -> CreateResourceOfferResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.RESOURCE_OFFER, Action.CREATE, place.path)
    if input.publish:
        require(info, Resource.RESOURCE_OFFER, Action.PUBLISH, place.path)
    unit = (
        await row_for(CoBuildingUnit, "CoBuildingUnit", input.unit_id, field="unitId")
        if input.unit_id
        else None
    )
    member = (
        await row_for(PartyMember, "PartyMember", input.party_member_id, field="partyMemberId")
        if input.party_member_id
        else None
    )
    if member is not None:
        await require_at_home(
            info, await Person.get(id=member.person_id), Resource.PARTY_MEMBER, Action.READ
        )
    offer = await create_resource_offer(
        provider_kind=input.provider_kind,
        unit=unit,
        party_member=member,
        title=input.title,
        category=input.category,
        description=input.description,
        capacity=input.capacity,
        available_from=input.available_from,
        available_until=input.available_until,
        availability=input.availability,
        place=place,
        publish=input.publish,
        actor_user_id=info.context.viewer.user_id,
    )
    return ResourceOfferCreated(resource_offer=ResourceOfferType.from_model(offer))

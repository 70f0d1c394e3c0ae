"""createServiceOffer: record what the community itself provides, where and when (服务清单)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.offers import create_service_offer
from models.enums import ListCategory
from models.grid import Station
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import row_for
from schema.lists.offer_types import ServiceOfferType
from schema.lookup import visible_grid


@strawberry.input(description="A new entry of the service list.")
class CreateServiceOfferInput:
    title: str = strawberry.field(description="The service, e.g. 养老保险生存认证.")
    category: ListCategory = strawberry.field(description="What it is about.")
    description: str = strawberry.field(default="", description="Details and who may use it.")
    schedule: str = strawberry.field(default="", description="When, e.g. 每周二上午.")
    place_id: strawberry.ID = strawberry.field(description="The place (and subtree) it serves.")
    station_id: strawberry.ID | None = strawberry.field(
        default=None, description="The station where it is given."
    )
    publish: bool = strawberry.field(default=False, description="Put it on the public list now.")


@strawberry.type(description="The service was recorded.")
class ServiceOfferCreated:
    service_offer: ServiceOfferType = strawberry.field(description="The new entry.")


CreateServiceOfferResult = Annotated[
    ServiceOfferCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateServiceOfferResult", description="The result of createServiceOffer."),
]


async def create_service_offer_mutation(
    info: Info, input: CreateServiceOfferInput
) -> CreateServiceOfferResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.SERVICE_OFFER, Action.CREATE, place.path)
    if input.publish:
        require(info, Resource.SERVICE_OFFER, Action.PUBLISH, place.path)
    station = (
        await row_for(Station, "Station", input.station_id, field="stationId")
        if input.station_id
        else None
    )
    offer = await create_service_offer(
        title=input.title,
        category=input.category,
        description=input.description,
        schedule=input.schedule,
        place=place,
        station=station,
        publish=input.publish,
        actor_user_id=info.context.viewer.user_id,
    )
    return ServiceOfferCreated(service_offer=ServiceOfferType.from_model(offer))

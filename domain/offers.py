"""Entries of the resource list (资源清单) and the service list (服务清单)."""

from __future__ import annotations

from datetime import date

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from domain.validation import clean_name
from models.enums import ListCategory, ProviderKind
from models.grid import GridNode, Station
from models.lists import ResourceOffer, ServiceOffer
from models.org import CoBuildingUnit, PartyMember


async def create_resource_offer(
    *,
    provider_kind: ProviderKind,
    unit: CoBuildingUnit | None,
    party_member: PartyMember | None,
    title: str,
    category: ListCategory,
    description: str,
    capacity: int,
    available_from: date | None,
    available_until: date | None,
    availability: str,
    place: GridNode,
    publish: bool,
    actor_user_id: int | None,
) -> ResourceOffer:
    if provider_kind is ProviderKind.CO_BUILDING_UNIT and unit is None:
        raise ValidationFailedError.one("unitId", "Name the offering unit", InputErrorCode.REQUIRED)
    if provider_kind is ProviderKind.PARTY_MEMBER and party_member is None:
        raise ValidationFailedError.one(
            "partyMemberId", "Name the party member", InputErrorCode.REQUIRED
        )
    if capacity < 1:
        raise ValidationFailedError.one("capacity", "At least 1", InputErrorCode.TOO_SMALL)
    if available_from and available_until and available_until < available_from:
        raise ValidationFailedError.one(
            "availableUntil", "Ends before it starts", InputErrorCode.ORDER
        )
    return await ResourceOffer.create(
        provider_kind=provider_kind,
        unit_id=unit.id if unit and provider_kind is ProviderKind.CO_BUILDING_UNIT else None,
        party_member_id=party_member.id
        if party_member and provider_kind is ProviderKind.PARTY_MEMBER
        else None,
        title=clean_name(title, field="title"),
        category=category,
        description=description.strip(),
        capacity=capacity,
        available_from=available_from,
        available_until=available_until,
        availability=availability.strip(),
        place_id=place.id,
        place_path=place.path,
        is_published=publish,
        created_by_user_id=actor_user_id,
    )


async def create_service_offer(
    *,
    title: str,
    category: ListCategory,
    description: str,
    schedule: str,
    place: GridNode,
    station: Station | None,
    publish: bool,
    actor_user_id: int | None,
) -> ServiceOffer:
    if station is not None:
        station_place = await GridNode.get(id=station.grid_id)
        if not station_place.path.startswith(place.path):
            raise ValidationFailedError.one(
                "stationId",
                "The station must lie in the place served",
                InputErrorCode.OUTSIDE_PLACE,
            )
    return await ServiceOffer.create(
        title=clean_name(title, field="title"),
        category=category,
        description=description.strip(),
        schedule=schedule.strip(),
        place_id=place.id,
        place_path=place.path,
        station_id=station.id if station else None,
        is_published=publish,
        created_by_user_id=actor_user_id,
    )

"""Query fields of the three lists and matching."""

from __future__ import annotations

from typing import Annotated

import strawberry
from tortoise.queryset import QuerySet

from domain.errors import NotFoundError
from domain.matching import needs_for_resource
from models.enums import ListCategory, NeedKind, NeedState
from models.lists import Need, ResourceOffer, ServiceOffer
from permissions.rows import board, visible
from schema.args import PlaceArg
from schema.context import Info
from schema.lists.offer_types import ResourceOfferType, ServiceOfferType, SuggestionType
from schema.lists.types import NeedType, PublicNeedType
from schema.lookup import filter_to_subtree
from schema.pagination import Connection, Page, connection, paginate
from schema.relay import parse_pk

StateArg = Annotated[NeedState | None, strawberry.argument(description="Only this state.")]
KindArg = Annotated[NeedKind | None, strawberry.argument(description="Only this kind.")]
CategoryArg = Annotated[ListCategory | None, strawberry.argument(description="Only this category.")]


def _filtered(
    query: QuerySet[Need],
    state: NeedState | None,
    kind: NeedKind | None,
    category: ListCategory | None,
) -> QuerySet[Need]:
    if state is not None:
        query = query.filter(state=state)
    if kind is not None:
        query = query.filter(kind=kind)
    if category is not None:
        query = query.filter(category=category)
    return query


@strawberry.type
class ListQueries:
    @connection(
        description="Needs with their people's names: those of your places, and your own.",
        backwards=True,
    )
    async def needs(
        self,
        info: Info,
        page: Page,
        state: StateArg = None,
        kind: KindArg = None,
        category: CategoryArg = None,
        place_id: PlaceArg = None,
    ) -> Connection[NeedType]:
        query = _filtered(visible(Need, info.context.viewer), state, kind, category)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        return await paginate(query, NeedType.from_model, page)

    @connection(
        description="The public need list (公示), for everyone: no names, phones or addresses.",
        backwards=True,
    )
    async def public_needs(
        self,
        info: Info,
        page: Page,
        state: StateArg = None,
        kind: KindArg = None,
        category: CategoryArg = None,
        place_id: PlaceArg = None,
    ) -> Connection[PublicNeedType]:
        query = _filtered(board(Need), state, kind, category)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        return await paginate(query, PublicNeedType.from_model, page)

    @connection(description="The resource list: published entries, and all of your places.")
    async def resource_offers(
        self, info: Info, page: Page, category: CategoryArg = None, place_id: PlaceArg = None
    ) -> Connection[ResourceOfferType]:
        query = visible(ResourceOffer, info.context.viewer)
        if category is not None:
            query = query.filter(category=category)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        return await paginate(query, ResourceOfferType.from_model, page)

    @connection(description="The service list: published entries, and all of your places.")
    async def service_offers(
        self, info: Info, page: Page, category: CategoryArg = None, place_id: PlaceArg = None
    ) -> Connection[ServiceOfferType]:
        query = visible(ServiceOffer, info.context.viewer)
        if category is not None:
            query = query.filter(category=category)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        return await paginate(query, ServiceOfferType.from_model, page)

    @strawberry.field(
        description="Matching (匹配) for a resource: the published needs it could meet, nearest first."
    )
    async def resource_matches(
        self,
        info: Info,
        resource_id: Annotated[strawberry.ID, strawberry.argument(description="The resource.")],
    ) -> list[SuggestionType]:
        pk = parse_pk(resource_id, field="resourceId", expected="ResourceOffer")
        offer = await visible(ResourceOffer, info.context.viewer).filter(id=pk).first()
        if offer is None:
            raise NotFoundError("ResourceOffer", resource_id, field="resourceId")
        return [SuggestionType.from_domain(s) for s in await needs_for_resource(offer)]

"""GraphQL types of the resource and service lists, and of matching suggestions."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from domain.matching import SuggestionKind
from models.enums import ListCategory, ProviderKind
from models.lists import ResourceOffer, ServiceOffer
from models.org import CoBuildingUnit, PartyMember
from models.people import Person
from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.rows import visible
from schema import enums as _enums  # noqa: F401  (registers the enums)
from schema.context import Info
from schema.grid.types import GridType, grid_of
from schema.people_refs import ActorRef
from schema.relay import Node, register_node, to_global_id


@strawberry.type(name="ResourceOffer", description="An entry of the resource list (资源清单).")
class ResourceOfferType(Node):
    provider_kind: ProviderKind = strawberry.field(description="Who offers it.")
    title: str = strawberry.field(description="What is offered.")
    category: ListCategory = strawberry.field(description="What it is about.")
    description: str = strawberry.field(description="Details.")
    capacity: int = strawberry.field(description="How many needs it can meet at once.")
    available_from: date | None = strawberry.field(description="First day available.")
    available_until: date | None = strawberry.field(description="Last day available.")
    availability: str = strawberry.field(description="When, in words.")
    is_published: bool = strawberry.field(description="On the public list.")
    model: strawberry.Private[ResourceOffer]

    @classmethod
    def from_model(cls, row: ResourceOffer) -> ResourceOfferType:
        return cls(
            id=to_global_id("ResourceOffer", row.id),
            provider_kind=row.provider_kind,
            title=row.title,
            category=row.category,
            description=row.description,
            capacity=row.capacity,
            available_from=row.available_from,
            available_until=row.available_until,
            availability=row.availability,
            is_published=row.is_published,
            model=row,
        )

    @strawberry.field(description="The place (and its subtree) it serves.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(
        description="The offering unit, or the party member (named only to those who may see members)."
    )
    async def provider(self, info: Info) -> ActorRef | None:
        if self.model.unit_id is not None:
            unit = await info.context.loaders.by_id(CoBuildingUnit).load(self.model.unit_id)
            return (
                ActorRef(id=to_global_id("CoBuildingUnit", unit.id), name=unit.name)
                if unit
                else None
            )
        if self.model.party_member_id is None:
            return None
        if not allowed(
            info.context.viewer, Resource.PARTY_MEMBER, Action.READ, self.model.place_path
        ):
            return None
        member = await info.context.loaders.by_id(PartyMember).load(self.model.party_member_id)
        person = await info.context.loaders.by_id(Person).load(member.person_id) if member else None
        if member is None or person is None:
            return None
        return ActorRef(id=to_global_id("PartyMember", member.id), name=person.name)


@strawberry.type(name="ServiceOffer", description="An entry of the service list (服务清单).")
class ServiceOfferType(Node):
    title: str = strawberry.field(description="The service, e.g. 失业证办理.")
    category: ListCategory = strawberry.field(description="What it is about.")
    description: str = strawberry.field(description="Details and who may use it.")
    schedule: str = strawberry.field(description="When, e.g. 每周二上午.")
    is_published: bool = strawberry.field(description="On the public list.")
    model: strawberry.Private[ServiceOffer]

    @classmethod
    def from_model(cls, row: ServiceOffer) -> ServiceOfferType:
        return cls(
            id=to_global_id("ServiceOffer", row.id),
            title=row.title,
            category=row.category,
            description=row.description,
            schedule=row.schedule,
            is_published=row.is_published,
            model=row,
        )

    @strawberry.field(description="The place (and its subtree) it serves.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)


_SUGGESTION_TYPES = {
    SuggestionKind.RESOURCE: "ResourceOffer",
    SuggestionKind.SERVICE: "ServiceOffer",
    SuggestionKind.VOLUNTEER: "Volunteer",
    SuggestionKind.NEED: "PublicNeed",
}


@strawberry.type(name="Suggestion", description="A ranked match, and why it was suggested.")
class SuggestionType:
    target_id: strawberry.ID = strawberry.field(
        description="Global ID of the resource, service, volunteer or need suggested."
    )
    kind: str = strawberry.field(description="resource, service, volunteer or need.")
    title: str = strawberry.field(description="Its title, or the volunteer's name.")
    distance: int = strawberry.field(description="Steps between the two places in the grid tree.")
    reasons: list[str] = strawberry.field(description="Why it was suggested.")

    @classmethod
    def from_domain(cls, found: Any) -> SuggestionType:
        return cls(
            target_id=to_global_id(_SUGGESTION_TYPES[found.kind], found.target_id),
            kind=found.kind.value,
            title=found.title,
            distance=found.distance,
            reasons=list(found.reasons),
        )


def _fetcher(queryset_for: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = {r.id: r for r in await queryset_for(info).filter(id__in=ids)}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


register_node(
    "ResourceOffer",
    _fetcher(
        lambda info: visible(ResourceOffer, info.context.viewer), ResourceOfferType.from_model
    ),
)
register_node(
    "ServiceOffer",
    _fetcher(lambda info: visible(ServiceOffer, info.context.viewer), ServiceOfferType.from_model),
)

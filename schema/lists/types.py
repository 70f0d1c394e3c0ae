"""GraphQL types of the three lists: needs (named and public), their history, resources,
services, and matching suggestions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from tortoise.expressions import Subquery

from domain.matching import suggestions_for_need
from domain.needs.acting import viewer_actions as need_viewer_actions
from domain.needs.workflow import allowed_actions
from models.enums import (
    ClaimantKind,
    GridLevel,
    ListCategory,
    NeedAction,
    NeedKind,
    NeedState,
)
from models.grid import GridNode
from models.lists import Need, NeedEvent
from models.org import CoBuildingUnit, PartyMember, Volunteer, VolunteerTeam
from models.people import Person
from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.rows import board, children, visible
from permissions.scope import may_see_personal
from schema import enums as _enums  # noqa: F401  (registers the enums)
from schema.cases.links import linked_case
from schema.cases.types import CaseType
from schema.context import Info
from schema.grid.types import GridType, ancestor_at_level, grid_of
from schema.lists.offer_types import SuggestionType
from schema.pagination import Connection, Page, connection, paginate
from schema.people_refs import ActorRef, PersonRef
from schema.relay import Node, register_node, to_global_id


@strawberry.type(
    name="Need", description="A need or micro-wish with its people, for those who may see them."
)
class NeedType(Node):
    kind: NeedKind = strawberry.field(description="Need or micro-wish.")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(description="What is needed.")
    state: NeedState = strawberry.field(description="Where it stands.")
    version: int = strawberry.field(description="Raised on every change.")
    claimant_kind: ClaimantKind | None = strawberry.field(
        description="Who claimed it, while claimed."
    )
    claimed_at: datetime | None = strawberry.field(description="When it was claimed.")
    claim_deadline: datetime | None = strawberry.field(
        description="When an unfulfilled claim is released."
    )
    evidence: str = strawberry.field(description="How it was fulfilled.")
    fulfilled_at: datetime | None = strawberry.field(description="When it was fulfilled.")
    confirmed_at: datetime | None = strawberry.field(description="When the resident confirmed it.")
    created_at: datetime = strawberry.field(description="When it was posted.")
    model: strawberry.Private[Need]

    @classmethod
    def from_model(cls, row: Need) -> NeedType:
        return cls(
            id=to_global_id("Need", row.id),
            kind=row.kind,
            category=row.category,
            title=row.title,
            description=row.description,
            state=row.state,
            version=row.version,
            claimant_kind=row.claimant_kind,
            claimed_at=row.claimed_at,
            claim_deadline=row.claim_deadline,
            evidence=row.evidence,
            fulfilled_at=row.fulfilled_at,
            confirmed_at=row.confirmed_at,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="Where the need is.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The case it became, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        return await linked_case(info, self.model.case_id)

    @strawberry.field(description="The resident whose need it is.")
    async def poster(self, info: Info) -> PersonRef:
        row = await info.context.loaders.by_id(Person).load(self.model.poster_person_id)
        assert row is not None  # a foreign key
        personal = may_see_personal(
            info.context.viewer, Resource.NEED, self.model.place_path, row.id
        )
        return PersonRef.from_model(row, personal=personal)

    @strawberry.field(description="Who claimed it, while claimed or after.")
    async def claimant(self, info: Info) -> ActorRef | None:
        return await claimant_of(info, self.model)

    @strawberry.field(
        description="Actions possible from its current state, whoever asks.",
        deprecation_reason="Lists actions the caller may not take; use viewerActions.",
    )
    def allowed_actions(self) -> list[str]:
        return allowed_actions(self.model.state)

    @strawberry.field(
        description=(
            "The actions you may take on this need now: its state allows them and you may "
            "(the need mutations ask the same question). CLAIM is offered to whoever may claim "
            "but the resident whose need it is; claiming as yourself needs you to be a "
            "registered party member or volunteer."
        )
    )
    def viewer_actions(self, info: Info) -> list[NeedAction]:
        return need_viewer_actions(info.context.viewer, self.model)

    @connection(description="Its history, oldest first; never edited.")
    async def events(self, page: Page) -> Connection[NeedEventType]:
        return await paginate(children(NeedEvent, self.model), NeedEventType.from_model, page)

    @strawberry.field(
        description="Matching (匹配): ranked resources, services and volunteers, with reasons. "
        "Empty unless you may manage the need list here."
    )
    async def suggestions(self, info: Info) -> list[SuggestionType]:
        if not allowed(info.context.viewer, Resource.NEED, Action.UPDATE, self.model.place_path):
            return []
        found = await suggestions_for_need(self.model)
        return [SuggestionType.from_domain(s) for s in found]


async def claimant_of(info: Info, need: Need) -> ActorRef | None:
    lookups: list[tuple[str, type[Any], int | None]] = [
        ("PartyMember", PartyMember, need.claimant_party_member_id),
        ("Volunteer", Volunteer, need.claimant_volunteer_id),
        ("VolunteerTeam", VolunteerTeam, need.claimant_team_id),
        ("CoBuildingUnit", CoBuildingUnit, need.claimant_unit_id),
    ]
    for type_name, model, pk in lookups:
        if pk is None:
            continue
        row = await info.context.loaders.by_id(model).load(pk)
        if row is None:
            return None
        name = row.name if hasattr(row, "name") else ""
        if isinstance(row, PartyMember | Volunteer):
            person = await info.context.loaders.by_id(Person).load(row.person_id)
            name = person.name if person else ""
        return ActorRef(id=to_global_id(type_name, pk), name=name)
    return None


@strawberry.type(name="NeedEvent", description="One step of a need's history.")
class NeedEventType(Node):
    action: NeedAction = strawberry.field(description="What happened.")
    from_state: NeedState | None = strawberry.field(description="State before.")
    to_state: NeedState = strawberry.field(description="State after.")
    note: str = strawberry.field(description="Why, or what was attached.")
    detail: strawberry.scalars.JSON | None = strawberry.field(description="Claimant and the like.")
    by_system: bool = strawberry.field(description="Done by the system (an expired claim).")
    created_at: datetime = strawberry.field(description="When it happened.")

    @classmethod
    def from_model(cls, row: NeedEvent) -> NeedEventType:
        return cls(
            id=to_global_id("NeedEvent", row.id),
            action=row.action,
            from_state=row.from_state,
            to_state=row.to_state,
            note=row.note,
            detail=row.detail,
            by_system=row.actor_user_id is None,
            created_at=row.created_at,
        )


@strawberry.type(
    name="PublicNeed",
    description="A need on the public list (公示): no names, phones or exact addresses.",
)
class PublicNeedType(Node):
    kind: NeedKind = strawberry.field(description="Need or micro-wish.")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(description="What is needed.")
    state: NeedState = strawberry.field(description="Where it stands.")
    claimant_kind: ClaimantKind | None = strawberry.field(
        description="What kind of claimant took it."
    )
    created_at: datetime = strawberry.field(description="When it was posted.")
    model: strawberry.Private[Need]

    @classmethod
    def from_model(cls, row: Need) -> PublicNeedType:
        return cls(
            id=to_global_id("PublicNeed", row.id),
            kind=row.kind,
            category=row.category,
            title=row.title,
            description=row.description,
            state=row.state,
            claimant_kind=row.claimant_kind,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The grid it is in (never the building or door).")
    async def grid(self, info: Info) -> GridType | None:
        node = await info.context.loaders.by_id(GridNode).load(self.model.place_id)
        if node is None:
            return None
        found = await ancestor_at_level(info, node, GridLevel.GRID)
        if found is not None or node.level not in (GridLevel.MICRO_GRID, GridLevel.BUILDING):
            return found or GridType.from_model(node)
        return None

    @strawberry.field(
        description="The actions you may take on it now, as on `Need.viewerActions` (on the "
        "public list, mostly CLAIM)."
    )
    def viewer_actions(self, info: Info) -> list[NeedAction]:
        return need_viewer_actions(info.context.viewer, self.model)


def _fetcher(queryset_for: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = {r.id: r for r in await queryset_for(info).filter(id__in=ids)}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


async def _fetch_events(info: Any, ids: list[int]) -> list[Any]:
    seen = visible(Need, info.context.viewer).values("id")
    rows = {r.id: r for r in await NeedEvent.filter(id__in=ids, need_id__in=Subquery(seen))}
    return [NeedEventType.from_model(rows[i]) if i in rows else None for i in ids]


register_node(
    "Need", _fetcher(lambda info: visible(Need, info.context.viewer), NeedType.from_model)
)
register_node("PublicNeed", _fetcher(lambda info: board(Need), PublicNeedType.from_model))
register_node("NeedEvent", _fetch_events)

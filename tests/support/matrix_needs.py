"""Matrix rows of the three lists (needs, resources, services), matching and figures. Named
needs are seen by the workers of their place and by their own poster or claimant; the public
need list is everyone's; unpublished offers are seen where their readers hold their role."""

from __future__ import annotations

from typing import Any

from domain.needs.steps import Claimant, claim_need, fulfil_need
from domain.offers import create_resource_offer, create_service_offer
from domain.visits import record_visit, visit_to_need
from models.enums import ClaimantKind, ListCategory, ProviderKind
from models.lists import Need, ResourceOffer, ServiceOffer
from tests.support.matrix import (
    ADMIN,
    ALL,
    EVERYONE,
    OTHER,
    OWN,
    SAME,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.matrix_lists import (
    CADRE,
    GRID,
    GRID_WORKERS,
    MICRO,
    OWNERS,
    PLACE_ADMIN,
    RESIDENT,
    WISH,
    WORKERS,
    building,
    claimed_need,
    count,
    grid_of,
    member_of,
    need_of,
    neighbour,
    own_person,
    poster,
    row_of,
    someone,
    union,
    unit_at,
    via,
)

# --- reads -------------------------------------------------------------------------------


async def _needs(world: World, actor: str, relation: str) -> Target | None:
    who = await poster(world, actor, relation)
    if who is None:
        return None
    visit = await record_visit(
        person=who, visitor_user_id=someone(world, actor), visitor_person_id=None
    )
    need = await visit_to_need(visit=visit, draft=WISH, actor_user_id=None)
    return Target(gid("Need", need.id), parent=gid("Visit", visit.id))


async def _public_needs(world: World, actor: str, relation: str) -> Target | None:
    who = await poster(world, actor, relation)
    if who is None:
        return None
    return Target(gid("PublicNeed", (await need_of(who)).id))


async def _resource(world: World, relation: str) -> Any:
    return await create_resource_offer(
        provider_kind=ProviderKind.CO_BUILDING_UNIT,
        unit=await unit_at(world, relation),
        party_member=None,
        title="轮椅",
        category=ListCategory.GOODS,
        description="",
        capacity=1,
        available_from=None,
        available_until=None,
        availability="",
        place=building(world, relation),
        publish=False,
        actor_user_id=None,
    )


async def _resource_offers(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    return Target(gid("ResourceOffer", (await _resource(world, relation)).id))


async def _service_offers(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    offer = await create_service_offer(
        title="失业证办理",
        category=ListCategory.OTHER,
        description="",
        schedule="",
        place=building(world, relation),
        station=None,
        publish=False,
        actor_user_id=None,
    )
    return Target(gid("ServiceOffer", offer.id))


async def _matches(world: World, actor: str, relation: str) -> Target | None:
    """The answer names the published need of the unpublished resource's place."""
    if relation == OWN:
        return None
    need = await need_of(await neighbour(world, relation))
    offer = await _resource(world, relation)
    return Target(gid("PublicNeed", need.id), parent=gid("ResourceOffer", offer.id))


async def _figures(world: World, actor: str, relation: str) -> Target | None:
    """Figures of a place: the north grid (same) or the south one (other)."""
    if relation == OWN:
        return None
    return Target(gid("Grid", grid_of(world, relation).id))


READER_OF_OFFERS = {RESIDENT: only(SAME), **GRID_WORKERS, **PLACE_ADMIN}
READS = [
    ReadRow(
        name="needs",
        target=_needs,
        list="{ needs(first: 100) { nodes { id } } }",
        nested=via("Visit", "need { id }"),
        sees=union(OWNERS, WORKERS, {ADMIN: ALL}),
    ),
    ReadRow(
        name="publicNeeds",
        target=_public_needs,
        list="{ publicNeeds(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to a public need
        sees=EVERYONE,
    ),
    ReadRow(
        name="resourceOffers",
        target=_resource_offers,
        list="{ resourceOffers(first: 100) { nodes { id } } }",
        nested=None,  # no edge leads to an offer
        sees=READER_OF_OFFERS,
    ),
    ReadRow(
        name="serviceOffers",
        target=_service_offers,
        list="{ serviceOffers(first: 100) { nodes { id } } }",
        nested=None,
        sees=READER_OF_OFFERS,
    ),
    ReadRow(
        name="resourceMatches",
        target=_matches,
        list="query($parent: ID!) { resourceMatches(resourceId: $parent) { id: targetId } }",
        node="query($parent: ID!) { resourceMatches(resourceId: $parent) { id: targetId } }",
        nested=None,
        sees=READER_OF_OFFERS,
    ),
    ReadRow(
        name="listFigures",
        target=_figures,
        list="query($id: ID!) { listFigures(placeId: $id) { place { id } } }",
        node="query($id: ID!) { listFigures(placeId: $id) { place { id } } }",
        nested=None,
        sees={CADRE: only(SAME), **PLACE_ADMIN},
    ),
]


# --- writes ------------------------------------------------------------------------------


def _state(pk: int) -> Any:
    return row_of(Need, pk, "state", "version")


async def _post_need(world: World, actor: str, relation: str) -> Attempt | None:
    """own: one's own need; same/other: for a neighbour, as a worker records it."""
    who = await poster(world, actor, relation)
    if who is None:
        return None
    given = {} if relation == OWN else {"posterId": gid("Person", who.id)}
    variables = {"input": {"kind": "MICRO_WISH", "category": "GOODS", "title": "收音机", **given}}
    return Attempt(variables, count(Need))


def _on_need(field: str, extra: dict[str, Any], *, published: bool, type_name: str = "Need") -> Any:
    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        who = await poster(world, actor, relation)
        if who is None:
            return None
        need = await need_of(who, publish=published)
        return Attempt({"input": {field: gid(type_name, need.id), **extra}}, _state(need.id))

    return prepare


async def _claim(world: World, actor: str, relation: str) -> Attempt | None:
    """Claiming a published need as a party member: the actor's own person must be one."""
    mine = await own_person(world, actor)
    if relation == OWN or mine is None:
        return None  # one claims a need of others, as one's own person
    await member_of(mine)
    need = await need_of(await neighbour(world, relation))
    variables = {"input": {"id": gid("PublicNeed", need.id), "claimantKind": "PARTY_MEMBER"}}
    return Attempt(variables, _state(need.id))


def _on_claimed(extra: dict[str, Any]) -> Any:
    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        need = await claimed_need(world, actor, relation)
        if need is None:
            return None
        return Attempt({"input": {"id": gid("Need", need.id), **extra}}, _state(need.id))

    return prepare


async def _confirm(world: World, actor: str, relation: str) -> Attempt | None:
    who = await poster(world, actor, relation)
    if who is None:
        return None
    need = await need_of(who)
    helper = await member_of(await neighbour(world, relation))
    kind = Claimant(ClaimantKind.PARTY_MEMBER, party_member=helper)
    await claim_need(need, claimant=kind, actor_user_id=None)
    await fulfil_need(need, evidence="送到", actor_user_id=None)
    return Attempt({"input": {"id": gid("PublicNeed", need.id)}}, _state(need.id))


def _create_offer(model: Any, extra: dict[str, Any]) -> Any:
    async def prepare(world: World, actor: str, relation: str) -> Attempt | None:
        if relation == OWN:
            return None
        place = gid("Grid", building(world, relation).id)
        if model is ResourceOffer:
            unit = await unit_at(world, relation)
            extra["unitId"] = gid("CoBuildingUnit", unit.id)
        variables = {"input": {"title": "轮椅", "category": "GOODS", "placeId": place, **extra}}
        return Attempt(variables, count(model))

    return prepare


CADRES = {CADRE: only(SAME), **PLACE_ADMIN}
NEED_WORKERS = {**GRID_WORKERS, ADMIN: ALL}  # one's own need is no exception
CLAIMANTS = {a: only(SAME, OTHER) for a in (RESIDENT, MICRO, GRID, CADRE, ADMIN)}


WRITES = [
    WriteRow(
        "postNeed",
        "NeedPosted",
        _post_need,
        {RESIDENT: only(OWN), MICRO: only(SAME), **GRID_WORKERS, ADMIN: ALL},
    ),
    WriteRow("publishNeed", "NeedPublished", _on_need("id", {}, published=False), NEED_WORKERS),
    WriteRow(
        "rejectNeed",
        "NeedRejected",
        _on_need("id", {"reason": "不属实"}, published=False),
        NEED_WORKERS,
    ),
    WriteRow("claimNeed", "NeedClaimed", _claim, CLAIMANTS),
    WriteRow(
        "releaseNeed",
        "NeedReleased",
        _on_claimed({}),
        union(OWNERS, {MICRO: only(SAME)}, GRID_WORKERS, {ADMIN: ALL}),
    ),
    WriteRow(
        "fulfilNeed",
        "NeedFulfilled",
        _on_claimed({"evidence": "送到"}),
        union(OWNERS, GRID_WORKERS, {ADMIN: ALL}),
    ),
    WriteRow("confirmNeed", "NeedConfirmed", _confirm, {RESIDENT: only(OWN), ADMIN: only(OWN)}),
    WriteRow(
        "createResourceOffer",
        "ResourceOfferCreated",
        _create_offer(ResourceOffer, {"providerKind": "CO_BUILDING_UNIT"}),
        CADRES,
    ),
    WriteRow("createServiceOffer", "ServiceOfferCreated", _create_offer(ServiceOffer, {}), CADRES),
]

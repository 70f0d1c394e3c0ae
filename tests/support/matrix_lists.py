"""Matrix rows of the three lists (needs, resources, services) and their figures. Named needs
are seen by the workers of their place and by their own poster or claimant; the public need
list is everyone's; unpublished offers are seen where their readers hold their role. Shared
helpers of the lists, patrols, meetings and volunteering rows live here too."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, fulfil_need, publish_need
from domain.offers import create_resource_offer, create_service_offer
from domain.visits import record_visit, visit_to_need
from models.enums import ClaimantKind, ListCategory, NeedKind, ProviderKind, UnitKind
from models.grid import GridNode
from models.lists import Need, ResourceOffer, ServiceOffer
from models.org import CoBuildingUnit, PartyMember
from models.people import Person
from tests.support.matrix import (
    ACTORS,
    ADMIN,
    ALL,
    ANONYMOUS,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    USER_ACTORS,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.people import party_member

serial = itertools.count(1)
RESIDENT = "resident"
MICRO, GRID, CADRE = "micro_grid_worker", "grid_worker", "community_cadre"
EVERYONE = {actor: ALL for actor in ACTORS}
SIGNED_IN = {actor: ALL for actor in ACTORS if actor != ANONYMOUS}
# Roles held in the north building or above it see and act on what lies there.
WORKERS = {MICRO: only(SAME), GRID: only(SAME), CADRE: only(SAME), TOKEN: only(SAME)}
GRID_WORKERS = {GRID: only(SAME), CADRE: only(SAME), TOKEN: only(SAME)}
PLACE_ADMIN = {ADMIN: only(SAME, OTHER)}
OWNERS = {actor: only(OWN) for actor in USER_ACTORS}  # every account's own things
WISH = NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "一台收音机")


def union(*maps: Mapping[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The cells allowed by any of ``maps`` (``{**a, **b}`` would drop a's cells of b's actors)."""
    joined: dict[str, frozenset[str]] = {}
    for cells in maps:
        for actor, relations in cells.items():
            joined[actor] = joined.get(actor, frozenset()) | relations
    return joined


def side(relation: str) -> str:
    """Every actor lives in the north: "same" things are there, "other" ones in the south."""
    return "south" if relation == OTHER else "north"


def building(world: World, relation: str) -> GridNode:
    return world.grid(f"{side(relation)}_building")


def grid_of(world: World, relation: str) -> GridNode:
    return world.grid(f"{side(relation)}_grid")


def user_id(world: World, actor: str) -> int | None:
    user = world.users.get(actor)
    return user.id if user else None


def someone(world: World, actor: str) -> int:
    """A user who is not the actor (the objects of "same" and "other" belong to them)."""
    return world.users[CADRE if actor == ADMIN else ADMIN].id


async def neighbour(world: World, relation: str) -> Person:
    return await Person.create(
        name=f"居民{next(serial)}", phone="13900000000", place=building(world, relation)
    )


async def own_person(world: World, actor: str) -> Person | None:
    """The actor's own person: the resident's lives in the north building; every other
    account is given one in the SOUTH building on first use, so only ownership (never the
    place) shows it. The token and the visitor have none."""
    if actor == RESIDENT:
        return world.person
    user = world.users.get(actor)
    if user is None:
        return None
    await user.refresh_from_db(fields=["person_id"])
    if user.person_id is not None:
        return await Person.get(id=user.person_id)
    person = await neighbour(world, OTHER)
    await type(user).filter(id=user.id).update(person_id=person.id)
    return person


async def poster(world: World, actor: str, relation: str) -> Person | None:
    """own: the actor's own person; else a neighbour."""
    if relation == OWN:
        return await own_person(world, actor)
    return await neighbour(world, relation)


async def unit_at(world: World, relation: str) -> CoBuildingUnit:
    return await CoBuildingUnit.create(
        name=f"单位{next(serial)}", kind=UnitKind.ENTERPRISE, place=building(world, relation)
    )


async def member_of(who: Person) -> PartyMember:
    found = await PartyMember.get_or_none(person_id=who.id)
    return found or await party_member(who)


async def need_of(who: Person, *, publish: bool = True) -> Need:
    need = await post_need(draft=WISH, poster=who, actor_user_id=None)
    if publish:
        await publish_need(need, actor_user_id=None)
    return need


async def claimed_need(world: World, actor: str, relation: str) -> Need | None:
    """own: claimed by the actor's person; else a neighbour's need claimed by another."""
    if relation == OWN:
        mine = await own_person(world, actor)
        if mine is None:
            return None
        need = await need_of(await neighbour(world, SAME))
        claimant = await member_of(mine)
    else:
        need = await need_of(await neighbour(world, relation))
        claimant = await member_of(await neighbour(world, relation))
    kind = Claimant(ClaimantKind.PARTY_MEMBER, party_member=claimant)
    await claim_need(need, claimant=kind, actor_user_id=None)
    return need


def count(model: Any) -> Any:
    async def snapshot() -> int:
        return int(await model.all().count())

    return snapshot


def row_of(model: Any, pk: int, *fields: str) -> Any:
    async def snapshot() -> object:
        return await model.filter(id=pk).values_list(*fields)

    return snapshot


def via(type_name: str, edge: str) -> str:
    return f"query($parent: ID!) {{ node(id: $parent) {{ ... on {type_name} {{ {edge} }} }} }}"


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

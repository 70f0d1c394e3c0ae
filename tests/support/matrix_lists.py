"""What the matrix rows of the lists, patrols, meetings and volunteering share
(tests/support/matrix_needs.py, matrix_patrols.py, matrix_meetings.py, matrix_activities.py):
the places of "same" and "other", the people and needs they act on, and the sets of cells.

Every actor lives in the north. "same" objects lie in the north building (or grid), "other"
ones in the south; "own" objects belong to the actor's account or person and mostly lie in
the south, so only ownership (never the place) shows them."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, publish_need
from models.enums import ClaimantKind, ListCategory, NeedKind, UnitKind
from models.grid import GridNode
from models.lists import Need
from models.org import CoBuildingUnit, PartyMember
from models.people import Person
from permissions import viewer_cache
from tests.support.matrix import (
    ADMIN,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    USER_ACTORS,
    World,
    only,
)
from tests.support.people import party_member

serial = itertools.count(1)
RESIDENT = "resident"
MICRO, GRID, CADRE = "micro_grid_worker", "grid_worker", "community_cadre"
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


def where(relation: str) -> str:
    """Where an object lies: own ones in the other community, so only ownership shows them."""
    return OTHER if relation == OWN else relation


def owner_of(world: World, actor: str, relation: str) -> int | None:
    """Whose an object is: the actor's account's (own), else someone else's."""
    return user_id(world, actor) if relation == OWN else someone(world, actor)


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
    viewer_cache.forget_all()  # linked behind the API's back (no verb does this)
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

"""People and organisations for tests of the lists, patrols, visits and volunteering."""

from __future__ import annotations

import itertools

from models.auth import User
from models.enums import KeyGroup, UnitKind
from models.grid import GridNode
from models.org import CoBuildingUnit, PartyBranch, PartyMember, Volunteer, VolunteerTeam
from models.people import Household, Person, PersonTag
from permissions import viewer_cache

_doors = itertools.count(101)


async def person(
    name: str,
    place: GridNode,
    *,
    phone: str = "13800000000",
    household: Household | None = None,
    tags: tuple[KeyGroup, ...] = (),
) -> Person:
    row = await Person.create(
        name=name,
        phone=phone,
        place_id=place.id,
        household_id=household.id if household else None,
    )
    for tag in tags:
        await PersonTag.create(person_id=row.id, tag=tag)
    return row


async def household(place: GridNode, door: str | None = None) -> Household:
    return await Household.create(
        building_id=place.id, door=door or f"1-{next(_doors)}", address=f"{place.name}{door}"
    )


async def link_user(user_id: int, who: Person) -> None:
    """Tie a login to the person it belongs to."""
    await User.filter(id=user_id).update(person_id=who.id)
    viewer_cache.forget_all()  # linked behind the API's back (no verb does this)


async def party_member(who: Person, *, dual: bool = True) -> PartyMember:
    branch = await PartyBranch.get_or_none(name="第一网格党支部")
    if branch is None:
        branch = await PartyBranch.create(name="第一网格党支部", place_id=who.place_id)
    return await PartyMember.create(person_id=who.id, branch_id=branch.id, dual_registered=dual)


async def volunteer(who: Person, *skills: str, availability: str = "") -> Volunteer:
    return await Volunteer.create(person_id=who.id, skills=list(skills), availability=availability)


async def team(name: str, place: GridNode) -> VolunteerTeam:
    return await VolunteerTeam.create(name=name, place_id=place.id)


async def unit(name: str, place: GridNode) -> CoBuildingUnit:
    return await CoBuildingUnit.create(name=name, kind=UnitKind.ENTERPRISE, place_id=place.id)

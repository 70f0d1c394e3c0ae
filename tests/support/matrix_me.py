"""Matrix rows of what ``me`` reaches (the caller's person, household and home) and of
``PublicCase.myCase``: each shows the caller's own object, and nobody else's, whichever the
place. "own" is the caller's person (a person is given to accounts that have none, living in
the south: only ownership shows it) or the case they reported; "same" and "other" are a
neighbour's in the north and the south.
"""

from __future__ import annotations

import itertools

from models.enums import CaseState
from models.people import Household, Person
from tests.support.matrix import OTHER, OWN, USER_ACTORS, ReadRow, Target, World, gid, only
from tests.support.matrix_cases import RESIDENT, make_case
from tests.support.matrix_lists import neighbour, own_person

_serial = itertools.count(1)
OWNERS = {actor: only(OWN) for actor in USER_ACTORS}


async def _person(world: World, actor: str, relation: str) -> Person | None:
    if relation == OWN:
        return await own_person(world, actor)
    return await neighbour(world, relation)


async def _me_person(world: World, actor: str, relation: str) -> Target | None:
    person = await _person(world, actor, relation)
    return None if person is None else Target(gid("Person", person.id))


async def _me_household(world: World, actor: str, relation: str) -> Target | None:
    person = await _person(world, actor, relation)
    if person is None:
        return None
    if person.household_id is None:
        household = await Household.create(building_id=person.place_id, door=f"{next(_serial)}")
        await Person.filter(id=person.id).update(household_id=household.id)
        return Target(gid("Household", household.id))
    return Target(gid("Household", person.household_id))


async def _me_home(world: World, actor: str, relation: str) -> Target | None:
    if relation != OWN:
        # a place nobody of the world lives in: never anyone's home
        return Target(
            gid("Grid", world.grid("south_grid2" if relation == OTHER else "north_grid2").id)
        )
    person = await own_person(world, actor)
    return None if person is None else Target(gid("Grid", person.place_id))


async def _my_case(world: World, actor: str, relation: str) -> Target | None:
    """A case on the board; reached from its PublicCase entry."""
    case = await make_case(world, actor, relation, CaseState.REPLIED)
    if case is None:
        return None
    return Target(gid("Case", case.id), parent=gid("PublicCase", case.id))


MY_CASE = "query($parent: ID!) { node(id: $parent) { ... on PublicCase { myCase { id } } } }"

READS = [
    ReadRow(
        name="me.person",
        target=_me_person,
        list="{ me { person { id } } }",
        node="{ me { person { id } } }",
        nested=None,
        sees=OWNERS,
    ),
    ReadRow(
        name="me.household",
        target=_me_household,
        list="{ me { household { id } } }",
        node="{ me { household { id } } }",
        nested=None,
        sees=OWNERS,
    ),
    ReadRow(
        name="me.home",
        target=_me_home,
        list="{ me { home { id } } }",
        node="{ me { home { id } } }",
        nested=None,
        sees=OWNERS,
    ),
    ReadRow(
        name="PublicCase.myCase",
        target=_my_case,
        list="{ publicCases(first: 100) { nodes { myCase { id } } } }",
        node=MY_CASE,
        nested=None,
        # only the reporter: the world's accounts but the resident report nothing of their own
        sees={RESIDENT: only(OWN)},
    ),
]

"""Building test data through the same domain verbs the API uses."""

from __future__ import annotations

import itertools
from datetime import timedelta

from tortoise.timezone import now

from domain.accounts import create_user, login
from domain.api_tokens import TokenGrant, create_api_token
from domain.clock import moment
from domain.grid import create_grid_node
from domain.people import create_household, create_person
from domain.roles import assign_role
from models.auth import ApiToken
from models.cases import Case, place_columns
from models.enums import CaseChannel, GridLevel, HouseholdRelation
from models.grid import GridNode
from models.org import Department
from models.people import Household, Person
from permissions.enums import Resource, Role

PASSWORD = "correct-horse-42"
_counter = itertools.count(1)


async def user_with_role(
    role: Role, place: GridNode | Department | None = None, *, username: str | None = None
) -> tuple[int, str]:
    """A user holding ``role`` at ``place`` (admins: everywhere); returns (user id, session token)."""
    name = username or f"{role.value}-{next(_counter)}"
    user = await create_user(username=name, password=PASSWORD)
    if role is Role.ADMIN and place is None:
        await assign_role(role=role, user=user, everywhere=True)
    elif isinstance(place, Department):
        await assign_role(role=role, user=user, department=place)
    else:
        await assign_role(role=role, user=user, grid=place)
    _, token, _ = await login(login=name, password=PASSWORD)
    return user.id, token


async def small_tree() -> dict[str, GridNode]:
    """A street with two communities, each with one grid holding one building."""
    street = await create_grid_node(name="云阳街道", level=GridLevel.STREET, parent=None)
    north = await create_grid_node(name="振兴路社区", level=GridLevel.COMMUNITY, parent=street)
    south = await create_grid_node(
        name="新亚洲体育城社区", level=GridLevel.COMMUNITY, parent=street
    )
    north_grid = await create_grid_node(name="第一网格", level=GridLevel.GRID, parent=north)
    south_grid = await create_grid_node(name="第一网格", level=GridLevel.GRID, parent=south)
    north_building = await create_grid_node(name="1栋", level=GridLevel.BUILDING, parent=north_grid)
    south_building = await create_grid_node(name="2栋", level=GridLevel.BUILDING, parent=south_grid)
    return {
        "street": street,
        "north": north,
        "south": south,
        "north_grid": north_grid,
        "south_grid": south_grid,
        "north_building": north_building,
        "south_building": south_building,
    }


async def resident_household(
    building: GridNode, door: str, names: list[str], *, phones: list[str] | None = None
) -> tuple[Household, list[Person]]:
    """A household at ``door`` with one person per name, the first being its head."""
    household = await create_household(
        building=building, door=door, address=f"{building.name}{door}"
    )
    persons = []
    for i, name in enumerate(names):
        phone = phones[i] if phones else f"139{next(_counter):08d}"
        relation = HouseholdRelation.HEAD if i == 0 else HouseholdRelation.CHILD
        persons.append(
            await create_person(
                name=name, place=building, phone=phone, household=household, relation=relation
            )
        )
    return household, persons


async def user_for_person(person: Person, role: Role, place: GridNode) -> tuple[int, str]:
    """A login for ``person`` holding ``role`` at ``place``; returns (user id, session token)."""
    name = f"person-{person.id}-{next(_counter)}"
    user = await create_user(username=name, password=PASSWORD, person_id=person.id)
    await assign_role(role=role, user=user, grid=place)
    _, token, _ = await login(login=name, password=PASSWORD)
    return user.id, token


async def make_token(
    role: Role,
    place: GridNode | Department,
    *,
    read: tuple[Resource, ...] = tuple(Resource),
    write: tuple[Resource, ...] = tuple(Resource),
    name: str | None = None,
) -> tuple[ApiToken, str]:
    """An API token acting as ``role`` at ``place`` with the given scopes; (token, secret)."""
    grant = (
        TokenGrant(role=role, department=place)
        if isinstance(place, Department)
        else TokenGrant(role=role, grid=place)
    )
    return await create_api_token(
        name=name or f"token-{next(_counter)}",
        grants=[grant],
        read_scopes=read,
        write_scopes=write,
        expires_at=now() + timedelta(days=30),
    )


async def late_case(place: GridNode) -> Case:
    """A hotline case at ``place``, written directly, whose accept deadline passed an hour ago."""
    return await Case.create(
        title="积水",
        description="路面积水",
        channel=CaseChannel.HOTLINE,
        place_id=place.id,
        **place_columns(place.path),
        submitted_month="2026-11",
        accept_due_at=moment() - timedelta(hours=1),
    )

"""The demo: loaded once, idempotent, and bigger on request."""

from __future__ import annotations

from demo.community import DEMO_LOGINS, load_demo
from demo.households import generate_households
from models.auth import RoleAssignment, User
from models.people import Household, Person


async def test_the_demo_loads_once_with_one_login_per_role(db: str) -> None:
    assert await load_demo() is True
    assert await load_demo() is False
    users = await User.all().count()
    assert users == len(DEMO_LOGINS)
    roles = set(await RoleAssignment.all().values_list("role", flat=True))
    assert {login.role for login in DEMO_LOGINS} == roles


async def test_generated_households_each_get_two_or_three_members(db: str) -> None:
    await load_demo()
    households, persons = await Household.all().count(), await Person.all().count()
    reported: list[int] = []
    added = await generate_households(130, reported.append)
    assert await Household.all().count() == households + 130
    assert await Person.all().count() == persons + added
    assert 260 <= added <= 390
    assert sum(reported) == 130

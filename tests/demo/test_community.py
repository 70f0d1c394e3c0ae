"""The demo: loaded once, idempotent, and bigger on request."""

from __future__ import annotations

from demo.boundaries import GRID_ONE_POINT, KUNMING, ZHENXING
from demo.community import DEMO_LOGINS, load_demo
from demo.households import generate_households
from domain.boundaries import lookup
from domain.boundaries.lookup import place_at
from domain.case_deadlines import overdue_q
from domain.clock import moment
from models.auth import RoleAssignment, User
from models.cases import Case, CaseCategory, TimeLimitRule
from models.enums import CaseState
from models.grid import BoundaryImport, PlaceBoundary, Station
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


async def test_the_demo_has_a_case_in_every_state_a_whistle_and_a_late_one(db: str) -> None:
    await load_demo()
    states = await Case.all().order_by("id").values_list("state", flat=True)
    assert set(states) == set(CaseState)
    assert states[0] == CaseState.SUBMITTED  # Case:1, walked round by GraphiQL's examples
    whistles = await Case.filter(is_whistle=True).values_list("title", flat=True)
    assert whistles == ["餐馆油烟扰民、占道经营"]
    late = await Case.filter(overdue_q(moment())).values_list("title", "state")
    assert late == [("人行道地砖松动", CaseState.HANDLING)]
    assert await CaseCategory.all().count() == 8
    assert await TimeLimitRule.all().count() == 14


async def test_the_demo_keeps_a_closed_station_out_of_the_open_ones(db: str) -> None:
    await load_demo()
    closed = await Station.filter(closed_at__isnull=False).values_list("name", flat=True)
    assert closed == ["振兴路社区便民服务点"]
    assert await Station.filter(closed_at__isnull=True).count() == 14


async def test_the_demo_maps_both_communities_and_puts_each_case_in_its_place(db: str) -> None:
    await load_demo()
    lookup.forget()
    assert await BoundaryImport.all().count() == 2
    assert await PlaceBoundary.all().count() == len(ZHENXING) + len(KUNMING) == 30
    grid_one = await place_at(*GRID_ONE_POINT)
    assert grid_one is not None and grid_one.name == "第一网格"
    kunming = await place_at(25.005, 102.7715)
    assert kunming is not None and kunming.name == "第7网格"
    for case in await Case.all():
        assert case.latitude is not None and case.longitude is not None
        found = await place_at(case.latitude, case.longitude)
        assert found is not None and found.id == case.place_id, case.title
    await load_demo()
    assert await BoundaryImport.all().count() == 2

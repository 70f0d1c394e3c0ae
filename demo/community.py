"""The demo data set, modelled on the articles (Danyang's 振兴路社区 under 云阳街道, Kunming's
新亚洲体育城社区 with its four areas and nine grids); built through the domain verbs, with one
login per role so each view can be tried in GraphiQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from demo.boundaries import load_boundaries
from demo.cases import Cast, actor, load_cases, load_categories
from domain.accounts import create_user
from domain.cases.common import CaseActor
from domain.grid import create_grid_node
from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import publish_need
from domain.organisation import (
    add_team_member,
    assign_worker,
    create_co_building_unit,
    create_party_branch,
    create_volunteer_team,
    register_party_member,
    register_volunteer,
    set_contact_households,
)
from domain.people import create_household, create_person
from domain.roles import assign_role
from domain.stations import close_station, create_station
from models.enums import (
    DepartmentKind,
    Gender,
    GridLevel,
    HouseholdRelation,
    KeyGroup,
    ListCategory,
    NeedKind,
    StationKind,
    UnitKind,
    WorkerPost,
)
from models.grid import GridNode
from models.org import Department
from models.people import Household, Person
from permissions.case_roles import REPORTER
from permissions.enums import Role

DEMO_STREET = "云阳街道"
DEMO_PASSWORD = "minqing-demo"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    place: str
    who: str


DEMO_LOGINS = (
    DemoLogin("admin", Role.ADMIN, "everywhere", "the system's keeper"),
    DemoLogin("cadre", Role.COMMUNITY_CADRE, "振兴路社区", "社区书记 陈建国"),
    DemoLogin(
        "gridworker", Role.GRID_WORKER, "振兴路社区 › 振兴花园 › 第一网格", "专职网格员 刘敏"
    ),
    DemoLogin("microworker", Role.MICRO_GRID_WORKER, "第一网格 › 1栋", "楼栋长 张秀英"),
    DemoLogin("resident", Role.RESIDENT, "第一网格 › 1栋 (home: 1-101)", "居民 王建华"),
    DemoLogin("responder", Role.DEPARTMENT_RESPONDER, "城市管理局", "城管 responder"),
)

# (door, [(name, gender, birth year, relation, key groups)]) — the named households of 1栋.
NAMED_HOUSEHOLDS: tuple[
    tuple[str, list[tuple[str, Gender, int, HouseholdRelation, list[KeyGroup]]]], ...
] = (
    (
        "1-101",
        [
            ("王建华", Gender.MALE, 1968, HouseholdRelation.HEAD, []),
            ("李秀兰", Gender.FEMALE, 1970, HouseholdRelation.SPOUSE, []),
            ("王磊", Gender.MALE, 1995, HouseholdRelation.CHILD, [KeyGroup.UNEMPLOYED]),
        ],
    ),
    ("1-102", [("赵桂芳", Gender.FEMALE, 1941, HouseholdRelation.HEAD, [KeyGroup.ELDERLY_ALONE])]),
    (
        "1-201",
        [
            ("孙志强", Gender.MALE, 1979, HouseholdRelation.HEAD, [KeyGroup.DISABILITY]),
            ("周丽", Gender.FEMALE, 1981, HouseholdRelation.SPOUSE, [KeyGroup.HARDSHIP]),
        ],
    ),
    ("1-202", [("马超", Gender.MALE, 1990, HouseholdRelation.TENANT, [KeyGroup.FLOATING])]),
    (
        "1-301",
        [
            ("张秀英", Gender.FEMALE, 1963, HouseholdRelation.HEAD, []),
            ("陈建国", Gender.MALE, 1962, HouseholdRelation.SPOUSE, []),
        ],
    ),
    ("1-302", [("刘敏", Gender.FEMALE, 1988, HouseholdRelation.HEAD, [])]),
)
GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
FAMILY_NAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"


def generated_name(i: int) -> str:
    """A plausible, deterministic name for the i-th generated person."""
    return (
        FAMILY_NAMES[i % len(FAMILY_NAMES)]
        + GIVEN_NAMES[(i * 7) % len(GIVEN_NAMES)]
        + GIVEN_NAMES[(i * 13 + 3) % len(GIVEN_NAMES)]
    )


def demo_phone(i: int) -> str:
    return f"139{i:08d}"


async def _grid(name: str, level: GridLevel, parent: GridNode | None) -> GridNode:
    return await create_grid_node(name=name, level=level, parent=parent)


async def _zhenxing(street: GridNode) -> dict[str, GridNode]:
    """振兴路社区: two estates, four grids, a building or two per grid, a station per grid."""
    community = await _grid("振兴路社区", GridLevel.COMMUNITY, street)
    places = {"community": community}
    for estate_name, grids in (
        ("振兴花园", ("第一网格", "第二网格")),
        ("阳光小区", ("第三网格", "第四网格")),
    ):
        estate = await _grid(estate_name, GridLevel.AREA, community)
        places[estate_name] = estate
        for grid_name in grids:
            grid = await _grid(grid_name, GridLevel.GRID, estate)
            places[grid_name] = grid
            await create_station(
                place=grid,
                name=f"{grid_name}红色议事驿站",
                kind=StationKind.DELIBERATION,
                address=f"{estate_name}{grid_name}党群活动室",
                opening_hours="每月5日、20日 19:00 议事",
            )
            for _ in range(2):
                number = len([k for k in places if k.endswith("栋")]) + 1
                places[f"{number}栋"] = await _grid(f"{number}栋", GridLevel.BUILDING, grid)
    await create_station(
        place=community,
        name="振兴路社区党群服务站",
        kind=StationKind.PARTY_SERVICE,
        address="振兴路88号",
        opening_hours="周一至周五 8:30-17:30，周六 9:00-12:00",
    )
    # Moved into the community's service station: kept, closed, out of the active lists.
    old = await create_station(
        place=community, name="振兴路社区便民服务点", kind=StationKind.LIVELIHOOD
    )
    await close_station(station=old)
    return places


async def _kunming() -> GridNode:
    """新亚洲体育城社区: four areas holding nine grids (2, 2, 2, 3)."""
    community = await _grid("新亚洲体育城社区", GridLevel.COMMUNITY, None)
    grid_no = 1
    for area_no, grids_in_area in enumerate((2, 2, 2, 3), start=1):
        area = await _grid(f"第{area_no}片区", GridLevel.AREA, community)
        for _ in range(grids_in_area):
            grid = await _grid(f"第{grid_no}网格", GridLevel.GRID, area)
            await create_station(
                place=grid, name=f"第{grid_no}网格民生驿站", kind=StationKind.LIVELIHOOD
            )
            grid_no += 1
    return community


async def _named_people(building: GridNode) -> dict[str, Person]:
    people: dict[str, Person] = {}
    serial = 1
    for door, members in NAMED_HOUSEHOLDS:
        household = await create_household(
            building=building, door=door, address=f"振兴路88号{building.name}{door}"
        )
        for name, gender, year, relation, tags in members:
            people[name] = await create_person(
                name=name,
                place=building,
                phone=demo_phone(serial),
                gender=gender,
                birth_year=year,
                household=household,
                relation=relation,
                tags=tags,
            )
            serial += 1
    return people


async def _organisations(
    places: dict[str, GridNode], people: dict[str, Person]
) -> dict[str, Department]:
    community, grid = places["community"], places["第一网格"]
    branch = await create_party_branch(
        name="振兴路社区第一网格党支部", place=community, grids=[grid, places["第二网格"]]
    )
    member = await register_party_member(
        person=people["陈建国"],
        branch=branch,
        joined_on=date(1990, 7, 1),
        is_central_household=True,
    )
    await register_party_member(
        person=people["王建华"],
        branch=branch,
        joined_on=date(1996, 6, 20),
        workplace_organisation="丹阳市供电公司党委",
    )
    await set_contact_households(
        member=member, households=list(await Household.filter(building_id=places["1栋"].id))
    )
    team = await create_volunteer_team(
        name="七色彩虹志愿服务队", place=community, description="助老、理发、维修"
    )
    for name, skills in (("张秀英", ["理发", "助老"]), ("王磊", ["维修", "电脑"])):
        volunteer = await register_volunteer(
            person=people[name], skills=skills, availability="周末"
        )
        await add_team_member(team=team, volunteer=volunteer)
    await create_co_building_unit(
        name="丹阳市供电公司",
        kind=UnitKind.PARTY_ORGANISATION,
        place=community,
        contact_name="钱主任",
        contact_phone="051186001234",
    )
    await assign_worker(
        person=people["刘敏"], place=grid, post=WorkerPost.GRID_WORKER, started_on=date(2024, 3, 1)
    )
    await _three_plus_x(places, people)
    departments = {}
    for name, kind, phone in (
        ("城市管理局", DepartmentKind.GOVERNMENT, "051186012319"),
        ("振兴花园物业公司", DepartmentKind.PROPERTY_COMPANY, "051186020000"),
        ("丹阳热力公司", DepartmentKind.UTILITY, "051186030000"),
        ("云阳派出所", DepartmentKind.POLICE_STATION, "051186040110"),
        ("丹阳市市场监督管理局", DepartmentKind.GOVERNMENT, "051186012315"),
    ):
        departments[name] = await Department.create(name=name, kind=kind, phone=phone)
    return departments


async def _three_plus_x(places: dict[str, GridNode], people: dict[str, Person]) -> None:
    """第一网格's "3+X" beside its grid worker: the area's police officer and the property
    company's manager (living outside the grid), a dual-registered party member and a resident
    activist of 1栋."""
    grid, estate = places["第一网格"], places["振兴花园"]
    started = date(2024, 3, 1)
    for name, phone, post in (
        ("赵卫东", "13952110110", WorkerPost.POLICE_OFFICER),  # 云阳派出所 片区民警
        ("孙立新", "13952120000", WorkerPost.PROPERTY_MANAGER),  # 振兴花园物业公司
    ):
        person = await create_person(name=name, place=estate, phone=phone)
        await assign_worker(person=person, place=grid, post=post, started_on=started)
    await assign_worker(
        person=people["王建华"], place=grid, post=WorkerPost.PARTY_MEMBER, started_on=started
    )
    await assign_worker(
        person=people["李秀兰"], place=grid, post=WorkerPost.RESIDENT_ACTIVIST, started_on=started
    )


async def _logins(
    places: dict[str, GridNode], people: dict[str, Person], departments: dict[str, Department]
) -> Cast:
    """One login per role; returns them as the cast of the demo's cases."""
    holders = {
        "cadre": (people["陈建国"], places["community"]),
        "gridworker": (people["刘敏"], places["第一网格"]),
        "microworker": (people["张秀英"], places["1栋"]),
        "resident": (people["王建华"], places["1栋"]),
    }
    cast: dict[str, CaseActor] = {}
    for login in DEMO_LOGINS:
        if login.role is Role.ADMIN:
            user = await create_user(username=login.username, password=DEMO_PASSWORD)
            await assign_role(role=login.role, user=user, everywhere=True)
        elif login.role is Role.DEPARTMENT_RESPONDER:
            department = departments["城市管理局"]
            user = await create_user(
                username=login.username, password=DEMO_PASSWORD, department_id=department.id
            )
            await assign_role(role=login.role, user=user, department=department)
            cast[login.username] = actor(user.id, None, login.role)
        else:
            person, place = holders[login.username]
            user = await create_user(
                username=login.username, password=DEMO_PASSWORD, person_id=person.id
            )
            await assign_role(role=login.role, user=user, grid=place)
            role = REPORTER if login.role is Role.RESIDENT else login.role
            cast[login.username] = actor(user.id, person.id, role)
    return Cast(
        resident=cast["resident"],
        micro=cast["microworker"],
        worker=cast["gridworker"],
        cadre=cast["cadre"],
        responder=cast["responder"],
    )


async def _needs(people: dict[str, Person], cast: Cast) -> None:
    """Two needs of 1栋 on the public list (公示): a micro-wish and a repair."""
    for who, draft in (
        (
            "赵桂芳",
            NeedDraft(
                NeedKind.MICRO_WISH,
                ListCategory.GOODS,
                "想要一台收音机",
                "独居老人，想听戏曲和新闻",
            ),
        ),
        (
            "孙志强",
            NeedDraft(
                NeedKind.NEED, ListCategory.REPAIR, "轮椅刹车维修", "轮椅刹车失灵，出门不方便"
            ),
        ),
    ):
        need = await post_need(draft=draft, poster=people[who], actor_user_id=cast.micro.user_id)
        await publish_need(need, actor_user_id=cast.worker.user_id)


async def load_demo() -> bool:
    """Load the named demo once; returns False when it was already there."""
    if await GridNode.filter(name=DEMO_STREET, parent_id__isnull=True).exists():
        return False
    street = await _grid(DEMO_STREET, GridLevel.STREET, None)
    places = await _zhenxing(street)
    kunming = await _kunming()
    await load_boundaries(street, kunming)
    people = await _named_people(places["1栋"])
    departments = await _organisations(places, people)
    cast = await _logins(places, people, departments)
    categories = await load_categories()
    await load_cases(cast, places, categories, departments)
    await _needs(people, cast)
    return True

"""The Casbin model: where an assignment holds, who sees personal fields, and what a check costs."""

from __future__ import annotations

import pytest

from models.org import Department
from models.people import Person
from permissions.enforcer import (
    PlaceRoleManager,
    build_enforcer,
    can,
    department_domain,
    domain_matches,
    token_subject,
    user_subject,
)
from permissions.enums import Action, Resource, Role
from permissions.scope import may_see_personal
from permissions.viewer import Grant, Viewer
from tests.support.factories import make_token, small_tree, user_with_role


@pytest.mark.parametrize(
    ("request_place", "assigned", "holds"),
    [
        ("/1/2/", "/1/2/", True),  # the node itself
        ("/1/2/5/9/", "/1/2/", True),  # its subtree
        ("/1/", "/1/2/", False),  # not its parent
        ("/1/20/", "/1/2/", False),  # not a sibling sharing a prefix
        ("/1/3/", "/1/2/", False),
        ("dept:3", "dept:3", True),  # a department only in itself
        ("dept:30", "dept:3", False),
        ("/1/2/", "dept:3", False),
        ("dept:3", "/1/", False),  # a grid role never holds in a department
        ("/1/2/", "/", True),  # everywhere: every path and department
        ("dept:3", "/", True),
        ("/1/2/", "garbage", False),
    ],
)
def test_an_assignment_holds_in_its_subtree_and_a_department_only_in_itself(
    request_place: str, assigned: str, holds: bool
) -> None:
    assert domain_matches(request_place, assigned) is holds


async def test_roles_held_in_places_decide_through_casbin(db: str) -> None:
    tree = await small_tree()
    city = await Department.create(name="城管局", kind="government")
    fire = await Department.create(name="消防队", kind="public_service")
    worker, _ = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    cadre, _ = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    responder, _ = await user_with_role(Role.DEPARTMENT_RESPONDER, city)
    admin, _ = await user_with_role(Role.ADMIN)
    north, south = tree["north_building"].path, tree["south_building"].path
    # inherited: a grid worker may do what a micro-grid worker may, in the whole grid
    assert can(user_subject(worker), north, Resource.VISIT, Action.CREATE)
    assert not can(user_subject(worker), south, Resource.VISIT, Action.CREATE)
    assert not can(user_subject(worker), tree["north"].path, Resource.VISIT, Action.CREATE)
    # a cadre: all of a grid worker's, in the whole community, not the next one
    assert can(user_subject(cadre), north, Resource.VISIT, Action.CREATE)
    assert can(user_subject(cadre), north, Resource.CASE, Action.CLOSE)
    assert not can(user_subject(cadre), south, Resource.CASE, Action.CLOSE)
    # a responder in their department only
    assert can(user_subject(responder), department_domain(city.id), Resource.CASE, Action.SIGN)
    assert not can(user_subject(responder), department_domain(fire.id), Resource.CASE, Action.SIGN)
    assert not can(user_subject(responder), north, Resource.CASE, Action.SIGN)
    # an admin everywhere
    assert can(user_subject(admin), south, Resource.POLICY, Action.DELETE)
    assert can(user_subject(admin), department_domain(fire.id), Resource.CASE, Action.SIGN)


async def test_personal_fields_are_whole_for_workers_of_that_grid_cadres_above_and_the_person(
    db: str,
) -> None:
    tree = await small_tree()
    person = await Person.create(name="张阿姨", place=tree["north_building"])
    place = tree["north_building"].path

    async def viewer(role: Role, at: object) -> Viewer:
        user_id, _ = await user_with_role(role, at)  # type: ignore[arg-type]
        return Viewer(subject=user_subject(user_id), user_id=user_id)

    def sees(v: Viewer) -> bool:
        return may_see_personal(v, Resource.PERSON, place, person.id)

    assert sees(await viewer(Role.MICRO_GRID_WORKER, tree["north_building"]))
    assert sees(await viewer(Role.GRID_WORKER, tree["north_grid"]))
    assert sees(await viewer(Role.COMMUNITY_CADRE, tree["north"]))
    assert sees(await viewer(Role.COMMUNITY_CADRE, tree["street"]))
    assert sees(await viewer(Role.ADMIN, None))
    assert not sees(await viewer(Role.GRID_WORKER, tree["south_grid"]))
    assert not sees(await viewer(Role.COMMUNITY_CADRE, tree["south"]))
    assert not sees(await viewer(Role.RESIDENT, tree["north_building"]))
    city = await Department.create(name="城管局", kind="government")
    assert not sees(await viewer(Role.DEPARTMENT_RESPONDER, city))
    neighbour = await viewer(Role.RESIDENT, tree["north_building"])
    herself = Viewer(subject=neighbour.subject, user_id=neighbour.user_id, person_id=person.id)
    assert sees(herself)
    assert not sees(Viewer())


async def test_a_token_sees_personal_fields_only_with_the_person_area_in_scope(db: str) -> None:
    tree = await small_tree()
    place = tree["north_building"].path
    scoped, _ = await make_token(Role.GRID_WORKER, tree["north_grid"], read=(Resource.PERSON,))
    unscoped, _ = await make_token(Role.GRID_WORKER, tree["north_grid"], read=(Resource.GRID,))
    grants = (Grant(role=Role.GRID_WORKER, domain=tree["north_grid"].path),)

    def as_token(token_id: int, read: frozenset[str]) -> Viewer:
        return Viewer(
            subject=token_subject(token_id),
            token_id=token_id,
            grants=grants,
            read_scopes=read,
            write_scopes=frozenset(),
        )

    assert may_see_personal(as_token(scoped.id, frozenset({"person"})), Resource.PERSON, place)
    assert not may_see_personal(as_token(unscoped.id, frozenset({"grid"})), Resource.PERSON, place)


def test_has_link_looks_only_at_the_subjects_own_assignments() -> None:
    """The cost of a check does not grow with the number of assignments (see the benchmark)."""
    calls = 0

    def counting(request: str, assigned: str) -> bool:
        nonlocal calls
        calls += 1
        return domain_matches(request, assigned)

    manager = PlaceRoleManager()
    manager.add_domain_matching_func(counting)
    manager.add_link("grid_worker", "micro_grid_worker", "/")
    for i in range(20_000):
        manager.add_link(f"user:{i}", "resident", f"/1/{i}/")
    manager.add_link("user:me", "grid_worker", "/1/7/")
    assert manager.has_link("user:me", "micro_grid_worker", "/1/7/3/")
    assert calls <= 4
    calls = 0
    assert not manager.has_link("user:me", "micro_grid_worker", "/1/8/")
    assert calls <= 4


async def test_the_enforcer_built_on_the_database_uses_the_indexed_role_manager(db: str) -> None:
    from permissions.adapter import TortoiseAdapter

    enforcer = build_enforcer(TortoiseAdapter())
    await enforcer.load_policy()
    assert isinstance(enforcer.get_role_manager(), PlaceRoleManager)
    assert enforcer.enforce("user:1", "/1/", "grid", "read") is False

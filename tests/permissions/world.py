"""The world of the lists' permission matrix: for one viewer, an object of every kind that is
their own, one of someone else in the viewer's place, and one in another place."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from domain.meetings import create_meeting, record_decision
from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, fulfil_need, publish_need
from domain.visits import record_visit
from domain.volunteering import check_in, check_out, create_activity, sign_up
from models.enums import (
    ClaimantKind,
    FindingKind,
    ListCategory,
    MeetingKind,
    MeetingLevel,
    NeedKind,
)
from models.grid import GridNode
from models.org import Department
from models.patrols import Patrol, PatrolFinding
from models.people import Person
from models.volunteering import Activity
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.people import link_user, party_member, person

SCOPES = ("own", "same", "other")
SOMEONE = 999_999  # the user id of "someone else": a worker who is not the viewer

# Where each role is held (a resident in their building, workers in their grid …).
HELD_AT = {
    Role.RESIDENT: "north_building",
    Role.MICRO_GRID_WORKER: "north_grid",
    Role.GRID_WORKER: "north_grid",
    Role.COMMUNITY_CADRE: "north",
    Role.DEPARTMENT_RESPONDER: "department",
    Role.ADMIN: None,
}

WISH = NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "一台收音机")


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


@dataclass
class World:
    token: str | None
    viewer: Person
    tree: dict[str, GridNode]
    viewer_member: Any = None
    ids: dict[tuple[str, str], int] = field(default_factory=dict)

    def building(self, scope: str) -> GridNode:
        return self.tree["south_building" if scope == "other" else "north_building"]

    def grid(self, scope: str) -> GridNode:
        return self.tree["south_grid" if scope == "other" else "north_grid"]

    def report_place(self, scope: str) -> GridNode:
        """For reports: the viewer's building, their grid, another grid."""
        return self.tree[
            {"own": "north_building", "same": "north_grid", "other": "south_grid"}[scope]
        ]


async def build_world(role: Role | None) -> World:
    tree = await small_tree()
    viewer = await person("我", tree["north_building"])
    viewer_member = await party_member(viewer)
    token: str | None = None
    user_id = SOMEONE + 1  # anonymous: "own" rows belong to a user who is not there
    if role is not None:
        place: Any = None
        where = HELD_AT[role]
        if where == "department":
            place = await Department.create(name="城管局", kind="government")
        elif where is not None:
            place = tree[where]
        user_id, token = await user_with_role(role, place)
        await link_user(user_id, viewer)
    world = World(token=token, viewer=viewer, tree=tree, viewer_member=viewer_member)
    helper = await party_member(await person("热心党员", tree["north_building"]))
    for scope in SCOPES:
        owner = user_id if scope == "own" else SOMEONE
        poster = viewer if scope == "own" else await person(f"居民{scope}", world.building(scope))
        await _needs(world, scope, poster, helper)
        await _patrol(world, scope, owner)
        visited = await person(f"困难户{scope}", world.building(scope))
        visit = await record_visit(person=visited, visitor_user_id=owner, visitor_person_id=None)
        world.ids["visit", scope] = visit.id
        world.ids["visit_target", scope] = viewer.id if scope == "own" else visited.id
        await _meeting(world, scope, owner)
        await _activities(world, scope, owner, poster if scope != "own" else viewer)
    return world


async def _needs(world: World, scope: str, poster: Person, helper: Any) -> None:
    need = await post_need(draft=WISH, poster=poster, actor_user_id=None)
    await publish_need(need, actor_user_id=None)
    world.ids["need", scope] = need.id
    posted = await post_need(draft=WISH, poster=poster, actor_user_id=None)
    world.ids["need_posted", scope] = posted.id
    claimable = await post_need(draft=WISH, poster=poster, actor_user_id=None)
    await publish_need(claimable, actor_user_id=None)
    world.ids["need_claimable", scope] = claimable.id
    done = await post_need(draft=WISH, poster=poster, actor_user_id=None)
    await publish_need(done, actor_user_id=None)
    await claim_need(
        done, claimant=Claimant(ClaimantKind.PARTY_MEMBER, party_member=helper), actor_user_id=None
    )
    await fulfil_need(done, evidence="送到", actor_user_id=None)
    world.ids["need_fulfilled", scope] = done.id
    # Claimed by the viewer (own), or by someone else for a resident of the place.
    claimed_for = poster if scope != "own" else await person("邻居", world.building(scope))
    taken = await post_need(draft=WISH, poster=claimed_for, actor_user_id=None)
    await publish_need(taken, actor_user_id=None)
    member = world.viewer_member if scope == "own" else helper
    await claim_need(
        taken, claimant=Claimant(ClaimantKind.PARTY_MEMBER, party_member=member), actor_user_id=None
    )
    world.ids["need_claimed", scope] = taken.id


async def _patrol(world: World, scope: str, owner: int) -> None:
    grid = world.grid(scope)
    patrol = await Patrol.create(
        grid_id=grid.id,
        grid_path=grid.path,
        covered_grid_id=grid.id,
        worker_user_id=owner,
        started_at=datetime.now(UTC) - timedelta(hours=2),
        ended_at=datetime.now(UTC) - timedelta(hours=1),
    )
    finding = await PatrolFinding.create(
        patrol_id=patrol.id,
        kind=FindingKind.SAFETY_HAZARD,
        description="阳台开裂",
        place_id=grid.id,
        place_path=grid.path,
    )
    world.ids["patrol", scope] = patrol.id
    world.ids["finding", scope] = finding.id


async def _meeting(world: World, scope: str, owner: int) -> None:
    meeting = await create_meeting(
        title="议事会",
        level=MeetingLevel.PARK,
        kind=MeetingKind.URGENT,
        place=world.grid(scope),
        held_at=datetime.now(UTC),
        station=None,
        attendees=[],
        organiser_user_id=owner,
    )
    decision = await record_decision(
        meeting=meeting,
        text="修",
        agenda_item=None,
        owner=None,
        owner_department=None,
        deadline=None,
        new_need=None,
        need_poster=None,
        actor_user_id=None,
    )
    world.ids["meeting", scope] = meeting.id
    world.ids["decision", scope] = decision.id


async def _activity(world: World, scope: str, organiser: int) -> Activity:
    start = datetime.now(UTC) + timedelta(days=1)
    return await create_activity(
        title="义务理发",
        description="",
        category=ListCategory.HAIRCUT,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place=world.grid(scope),
        capacity=5,
        team=None,
        organiser_user_id=organiser,
    )


async def _activities(world: World, scope: str, owner: int, signer: Person) -> None:
    # Reading: the viewer's own sign-up, or someone else's; organised by someone else.
    read = await _activity(world, scope, SOMEONE)
    row = await sign_up(activity=read, person=signer, user_id=None)
    world.ids["activity", scope] = read.id
    world.ids["sign_up", scope] = row.id
    # Verifying: organised by the viewer (own) or someone else, a stranger checked out.
    organised = await _activity(world, scope, owner)
    stranger = await person(f"志愿者{scope}", world.building(scope))
    pending = await sign_up(activity=organised, person=stranger, user_id=None)
    await check_in(pending, at=organised.starts_at)
    await check_out(pending, at=organised.starts_at + timedelta(hours=2))
    world.ids["sign_up_checked_out", scope] = pending.id
    world.ids["activity_to_join", scope] = organised.id

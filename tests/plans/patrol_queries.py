"""Query plans of patrols and visits: the lists, grids without a patrol, visit coverage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

from domain.visits import month_of
from models.enums import FindingKind
from models.patrols import Patrol, PatrolFinding, Visit
from permissions.enums import Role
from tests.plans.people_queries import as_head
from tests.plans.plan import PlanQuery, Seeded, by_global_id, connection


async def seed_patrols(seeded: Seeded) -> Seeded:
    """The grid worker's round under way in the north grid, with a finding that became the
    claimed need and the case, and yesterday's ended round; their visit this month to the
    household head (the key-group resident living alone is not visited)."""
    grid, worker = seeded["north_grid"], seeded["worker"]
    moment = datetime.now(UTC)
    common = {
        "grid": grid,
        "grid_path": grid.path,
        "covered_grid_id": grid.id,
        "worker_user_id": 0,
        "worker_person_id": worker.id,
    }
    patrol = await Patrol.create(started_at=moment - timedelta(hours=1), **common)
    await Patrol.create(
        started_at=moment - timedelta(days=1), ended_at=moment - timedelta(hours=20), **common
    )
    building = seeded["north_building"]
    finding = await PatrolFinding.create(
        patrol=patrol,
        kind=FindingKind.BROKEN_FACILITY,
        description="路灯不亮",
        place=building,
        place_path=building.path,
        need=seeded["claimed_need"],
        case=seeded["case"],
    )
    visit = await Visit.create(
        person=seeded["head"],
        household=seeded["household"],
        place=building,
        place_path=building.path,
        visitor_user_id=0,
        visitor_person_id=worker.id,
        visited_at=moment,
        month=month_of(moment),
        need=seeded["claimed_need"],
        case=seeded["case"],
    )
    return {
        "patrol": patrol,
        "finding": finding,
        "visit": visit,
        "this_month": month_of(moment).isoformat(),
    }


async def own_patrols(seeded: Seeded, user_id: int) -> None:
    """The caller is the worker on the rounds."""
    await Patrol.all().update(worker_user_id=user_id)


cadre = partial(connection, role=Role.COMMUNITY_CADRE, place="north")
NORTH = {"id": "north_id"}

PATROL = """startedAt grid { name } worker { name } findings { totalCount nodes {
            kind place { name } patrol { startedAt } need { title } case { title } } }"""
VISIT = "visitedAt person { name } visitor { name } place { name } need { title } case { title }"

PATROL_QUERIES = [
    cadre("patrols", "patrols", PATROL),
    cadre("patrols of a place", "patrols", "startedAt", args="placeId: $id", ids=NORTH),
    cadre("patrols under way", "patrols", "startedAt", args="ongoing: true"),
    cadre("patrols ended", "patrols", "startedAt", args="ongoing: false"),
    connection(
        "patrols a micro-grid worker sees: their building's and their own",
        "patrols",
        "startedAt findings { totalCount nodes { kind } }",
        role=Role.MICRO_GRID_WORKER,
        place="north_building",
        prepare=own_patrols,
    ),
    cadre(
        "grids without a patrol",
        "gridsWithoutPatrol",
        "name",
        args="placeId: $id, days: 7",
        ids=NORTH,
    ),
    cadre("visits", "visits", VISIT),
    cadre("visits of a place", "visits", "visitedAt", args="placeId: $id", ids=NORTH),
    PlanQuery(
        "visits of a month",
        "query($m: Date!) { visits(month: $m) { totalCount nodes { visitedAt } } }",
        variables=lambda s: {"m": s["this_month"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    connection(
        "visits a resident sees: their own",
        "visits",
        "visitedAt visitor { name }",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_head,
    ),
    PlanQuery(
        "visit coverage with those missed",
        """query($id: ID!) { visitCoverage(placeId: $id) { month due visited missed percentage
             grid { name } missedPersons { totalCount nodes { name } } } }""",
        variables=lambda s: {"id": s["north_grid_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "visit coverage of a community",
        "query($id: ID!) { visitCoverage(placeId: $id) { due missed } }",
        variables=lambda s: {"id": s["north_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    by_global_id(
        "patrols, findings and visits by global id",
        "... on Patrol { startedAt } ... on PatrolFinding { kind } ... on Visit { visitedAt }",
        lambda s: [("Patrol", s["patrol"]), ("PatrolFinding", s["finding"]), ("Visit", s["visit"])],
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

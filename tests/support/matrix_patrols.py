"""Matrix rows of patrols (天天转) and visits (走访): seen by the workers of their place and by
the worker who made them (a visit also by the person visited); a patrol goes on only with
its own worker; the coverage reports are reads of a place for those who may read there.

"own" objects are the actor's own in the OTHER community, so only ownership shows them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.visits import record_visit
from models.enums import FindingKind, GridLevel
from models.lists import Need
from models.patrols import Patrol, PatrolFinding, Visit
from tests.support.matrix import (
    ADMIN,
    ALL,
    OWN,
    SAME,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.matrix_lists import (
    CADRE,
    GRID,
    GRID_WORKERS,
    MICRO,
    OWNERS,
    PLACE_ADMIN,
    WORKERS,
    count,
    grid_of,
    neighbour,
    owner_of,
    poster,
    row_of,
    union,
    via,
    where,
)


async def _patrol(world: World, actor: str, relation: str, *, ongoing: bool) -> Patrol | None:
    owner = owner_of(world, actor, relation)
    if owner is None:
        return None
    await Patrol.filter(worker_user_id=owner, ended_at__isnull=True).update(
        ended_at=datetime.now(UTC)
    )
    grid = grid_of(world, where(relation))
    started = datetime.now(UTC) - timedelta(hours=2)
    return await Patrol.create(
        grid_id=grid.id,
        grid_path=grid.path,
        covered_grid_id=grid.id,
        worker_user_id=owner,
        started_at=started,
        ended_at=None if ongoing else started + timedelta(hours=1),
    )


async def _finding(patrol: Patrol) -> PatrolFinding:
    return await PatrolFinding.create(
        patrol_id=patrol.id,
        kind=FindingKind.SAFETY_HAZARD,
        description="阳台开裂",
        place_id=patrol.grid_id,
        place_path=patrol.grid_path,
    )


async def _visit(world: World, actor: str, relation: str) -> Visit | None:
    owner = owner_of(world, actor, relation)
    if owner is None:
        return None
    visited = await neighbour(world, where(relation))
    return await record_visit(person=visited, visitor_user_id=owner, visitor_person_id=None)


# --- reads -------------------------------------------------------------------------------


async def _patrols(world: World, actor: str, relation: str) -> Target | None:
    patrol = await _patrol(world, actor, relation, ongoing=False)
    if patrol is None:
        return None
    finding = await _finding(patrol)
    return Target(gid("Patrol", patrol.id), parent=gid("PatrolFinding", finding.id))


async def _visits(world: World, actor: str, relation: str) -> Target | None:
    visit = await _visit(world, actor, relation)
    if visit is None:
        return None
    return Target(gid("Visit", visit.id), parent=gid("Grid", visit.place_id))


async def _grid_report(world: World, actor: str, relation: str) -> Target | None:
    """A report of a grid: the north one (same) or the south one (other)."""
    if relation == OWN:
        return None
    return Target(gid("Grid", grid_of(world, relation).id))


def _report(field: str, arguments: str, selection: str) -> str:
    return f"query($id: ID!) {{ {field}(placeId: $id{arguments}) {{ {selection} }} }}"


COVERAGE = _report("visitCoverage", "", "grid { id }")
UNPATROLLED = _report("gridsWithoutPatrol", ", days: 7", "nodes { id }")
REPORT_READERS = {**GRID_WORKERS, **PLACE_ADMIN}  # the micro-grid worker holds a building only

READS = [
    ReadRow(
        name="patrols",
        target=_patrols,
        list="{ patrols(first: 100) { nodes { id } } }",
        nested=via("PatrolFinding", "patrol { id }"),
        sees=union(OWNERS, GRID_WORKERS, {ADMIN: ALL}),
    ),
    ReadRow(
        name="visits",
        target=_visits,
        list="{ visits(first: 100) { nodes { id } } }",
        # no edge leads to a visit outside a party member's record: the place's visits
        nested="query($parent: ID!) { visits(placeId: $parent, first: 100) { nodes { id } } }",
        sees=union(OWNERS, WORKERS, {ADMIN: ALL}),
    ),
    ReadRow(
        name="visitCoverage",
        target=_grid_report,
        list=COVERAGE,
        node=COVERAGE,
        nested=None,
        sees=REPORT_READERS,
    ),
    ReadRow(
        name="gridsWithoutPatrol",
        target=_grid_report,
        list=UNPATROLLED,
        node=UNPATROLLED,
        nested=None,
        sees=REPORT_READERS,
    ),
]


# --- writes ------------------------------------------------------------------------------


async def _start(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    await Patrol.filter(ended_at__isnull=True).update(ended_at=datetime.now(UTC))
    grid = grid_of(world, relation)
    assert grid.level == GridLevel.GRID
    return Attempt({"input": {"gridId": gid("Grid", grid.id)}}, count(Patrol))


async def _end(world: World, actor: str, relation: str) -> Attempt | None:
    patrol = await _patrol(world, actor, relation, ongoing=True)
    if patrol is None:
        return None
    return Attempt(
        {"input": {"id": gid("Patrol", patrol.id)}}, row_of(Patrol, patrol.id, "ended_at")
    )


async def _record_finding(world: World, actor: str, relation: str) -> Attempt | None:
    patrol = await _patrol(world, actor, relation, ongoing=True)
    if patrol is None:
        return None
    variables = {
        "input": {
            "patrolId": gid("Patrol", patrol.id),
            "kind": "SAFETY_HAZARD",
            "description": "裂",
        }
    }
    return Attempt(variables, count(PatrolFinding))


async def _finding_to_need(world: World, actor: str, relation: str) -> Attempt | None:
    patrol = await _patrol(world, actor, relation, ongoing=False)
    if patrol is None:
        return None
    finding = await _finding(patrol)
    poster = await neighbour(world, where(relation))
    variables = {
        "input": {
            "findingId": gid("PatrolFinding", finding.id),
            "category": "REPAIR",
            "title": "修阳台",
            "posterId": gid("Person", poster.id),
        }
    }
    return Attempt(variables, count(Need))


async def _record_visit(world: World, actor: str, relation: str) -> Attempt | None:
    visited = await poster(world, actor, relation)  # own: visiting oneself
    if visited is None:
        return None
    return Attempt({"input": {"personId": gid("Person", visited.id)}}, count(Visit))


async def _visit_to_need(world: World, actor: str, relation: str) -> Attempt | None:
    visit = await _visit(world, actor, relation)
    if visit is None:
        return None
    variables = {
        "input": {"visitId": gid("Visit", visit.id), "category": "REPAIR", "title": "修水管"}
    }
    return Attempt(variables, count(Need))


# A round or a visit is a worker's own (an API token has no person to be it): no token cells.
STARTERS = {GRID: only(SAME), CADRE: only(SAME), **PLACE_ADMIN}
VISITORS = {MICRO: only(SAME), GRID: only(SAME), CADRE: only(SAME), ADMIN: ALL}
NEED_MAKERS = {**GRID_WORKERS, ADMIN: ALL}  # need.create and need.update where it lies

WRITES = [
    WriteRow("startPatrol", "PatrolStarted", _start, STARTERS),
    WriteRow("endPatrol", "PatrolEnded", _end, OWNERS),
    WriteRow("recordFinding", "FindingRecorded", _record_finding, OWNERS),
    WriteRow("turnFindingIntoNeed", "FindingTurnedIntoNeed", _finding_to_need, NEED_MAKERS),
    WriteRow("recordVisit", "VisitRecorded", _record_visit, VISITORS),
    WriteRow(
        "turnVisitIntoNeed",
        "VisitTurnedIntoNeed",
        _visit_to_need,
        {**WORKERS, ADMIN: ALL},
    ),
]

"""Patrols (天天转): start and end a round of one's grid, record findings (六报), and turn a
finding into a need in one step. (Into a case: ``domain/case_links.py``.)"""

from __future__ import annotations

from datetime import datetime

from tortoise.transactions import in_transaction

from domain.clock import moment as now
from domain.error_codes import InputErrorCode, PatrolErrorCode
from domain.errors import ConflictError, InvalidTransitionError, ValidationFailedError
from domain.needs.post import NeedDraft, post_need
from domain.tree import ids_in_path
from models.enums import FindingKind, GridLevel
from models.grid import GridNode
from models.lists import Need
from models.patrols import Patrol, PatrolFinding
from models.people import Person

PATROLLED_LEVELS = (GridLevel.GRID, GridLevel.MICRO_GRID)


async def covered_grid(node: GridNode) -> GridNode:
    """The grid-level node a round of ``node`` covers: itself, or its grid."""
    if node.level == GridLevel.GRID:
        return node
    ancestors = await GridNode.filter(id__in=ids_in_path(node.path), level=GridLevel.GRID)
    if not ancestors:
        raise ValidationFailedError.one(
            "gridId", "That place lies under no grid", PatrolErrorCode.NOT_A_GRID
        )
    return ancestors[0]


async def start_patrol(
    *,
    grid: GridNode,
    worker_user_id: int,
    worker_person_id: int | None,
    route: str = "",
    at: datetime | None = None,
) -> Patrol:
    if grid.level not in PATROLLED_LEVELS:
        raise ValidationFailedError.one(
            "gridId", "A patrol covers a grid or a micro-grid", PatrolErrorCode.NOT_A_GRID
        )
    covered = await covered_grid(grid)
    async with in_transaction():
        if await Patrol.filter(worker_user_id=worker_user_id, ended_at__isnull=True).exists():
            raise ConflictError("You already have a patrol under way; end it first")
        return await Patrol.create(
            grid_id=grid.id,
            grid_path=grid.path,
            covered_grid_id=covered.id,
            worker_user_id=worker_user_id,
            worker_person_id=worker_person_id,
            started_at=at or now(),
            route=route.strip(),
        )


def _ensure_ongoing(patrol: Patrol, action: str) -> None:
    if patrol.ended_at is not None:
        raise InvalidTransitionError(state="ended", action=action, allowed=[])


async def end_patrol(*, patrol: Patrol, summary: str = "", at: datetime | None = None) -> Patrol:
    _ensure_ongoing(patrol, "end")
    ended_at = at or now()
    async with in_transaction():
        updated = await Patrol.filter(id=patrol.id, ended_at__isnull=True).update(
            ended_at=ended_at, summary=summary.strip()
        )
        if updated != 1:
            raise ConflictError("The patrol was ended meanwhile")
    patrol.ended_at = ended_at
    patrol.summary = summary.strip()
    return patrol


async def record_finding(
    *, patrol: Patrol, kind: FindingKind, description: str, place: GridNode | None = None
) -> PatrolFinding:
    _ensure_ongoing(patrol, "record_finding")
    text = description.strip()
    if not text:
        raise ValidationFailedError.one(
            "description", "Say what was found", InputErrorCode.REQUIRED
        )
    where = place or await GridNode.get(id=patrol.grid_id)
    if not where.path.startswith(patrol.grid_path):
        raise ValidationFailedError.one(
            "placeId", "The place must lie in the patrolled grid", PatrolErrorCode.OUTSIDE_GRID
        )
    return await PatrolFinding.create(
        patrol_id=patrol.id,
        kind=kind,
        description=text,
        place_id=where.id,
        place_path=where.path,
    )


async def finding_to_need(
    *, finding: PatrolFinding, draft: NeedDraft, poster: Person, actor_user_id: int | None
) -> Need:
    """The finding becomes a need, linked both ways, in one transaction."""
    if finding.need_id is not None:
        raise ConflictError("This finding already became a need")
    place = await GridNode.get(id=finding.place_id)
    async with in_transaction():
        need = await post_need(
            draft=draft,
            poster=poster,
            place=place,
            actor_user_id=actor_user_id,
            note=f"From patrol finding {finding.id}",
        )
        updated = await PatrolFinding.filter(id=finding.id, need_id__isnull=True).update(
            need_id=need.id
        )
        if updated != 1:
            raise ConflictError("This finding already became a need")
    finding.need_id = need.id
    return need

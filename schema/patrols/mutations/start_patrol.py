"""startPatrol: a worker starts a round of their grid (天天转)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.errors import PermissionDeniedError
from domain.patrols import start_patrol
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.patrols.types import PatrolType


@strawberry.input(description="The grid to patrol.")
class StartPatrolInput:
    grid_id: strawberry.ID = strawberry.field(description="A grid or micro-grid of yours.")
    route: str = strawberry.field(default="", description="Where the round will go.")


@strawberry.type(description="The round is under way.")
class PatrolStarted:
    patrol: PatrolType = strawberry.field(description="The round.")


StartPatrolResult = Annotated[
    PatrolStarted | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("StartPatrolResult", description="The result of startPatrol."),
]


async def start_patrol_mutation(info: Info, input: StartPatrolInput) -> StartPatrolResult:
    viewer = info.context.viewer
    grid = await visible_grid(info, input.grid_id, field="gridId")
    require(info, Resource.PATROL, Action.CREATE, grid.path)
    if viewer.user_id is None:
        raise PermissionDeniedError("A round is walked by a worker's own account, not an API token")
    patrol = await start_patrol(
        grid=grid,
        worker_user_id=viewer.user_id,
        worker_person_id=viewer.person_id,
        route=input.route,
    )
    return PatrolStarted(patrol=PatrolType.from_model(patrol))

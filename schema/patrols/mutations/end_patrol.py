"""endPatrol: the worker ends their round."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.patrols import end_patrol
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.patrols.lookup import own_patrol
from schema.patrols.types import PatrolType


@strawberry.input(description="The round to end.")
class EndPatrolInput:
    id: strawberry.ID = strawberry.field(description="Your round under way.")
    summary: str = strawberry.field(default="", description="What you note at the end.")


@strawberry.type(description="The round ended.")
class PatrolEnded:
    patrol: PatrolType = strawberry.field(description="The round.")


EndPatrolResult = Annotated[
    PatrolEnded | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("EndPatrolResult", description="The result of endPatrol."),
]


async def end_patrol_mutation(info: Info, input: EndPatrolInput) -> EndPatrolResult:
    patrol = await own_patrol(info, input.id, field="id")
    patrol = await end_patrol(patrol=patrol, summary=input.summary)
    return PatrolEnded(patrol=PatrolType.from_model(patrol))

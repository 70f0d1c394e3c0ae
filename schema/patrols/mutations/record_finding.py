"""recordFinding: the worker records a must-report finding (六报) on their round."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.patrols import record_finding
from models.enums import FindingKind
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lookup import visible_grid
from schema.patrols.lookup import own_patrol
from schema.patrols.types import PatrolFindingType


@strawberry.input(description="What the round found.")
class RecordFindingInput:
    patrol_id: strawberry.ID = strawberry.field(description="Your round under way.")
    kind: FindingKind = strawberry.field(description="Which of the six must-report kinds.")
    description: str = strawberry.field(description="What was found.")
    place_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where, inside the patrolled grid; defaults to the grid."
    )


@strawberry.type(description="The finding was recorded.")
class FindingRecorded:
    finding: PatrolFindingType = strawberry.field(description="The finding.")


RecordFindingResult = Annotated[
    FindingRecorded | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("RecordFindingResult", description="The result of recordFinding."),
]


async def record_finding_mutation(info: Info, input: RecordFindingInput) -> RecordFindingResult:
    patrol = await own_patrol(info, input.patrol_id, field="patrolId")
    place = await visible_grid(info, input.place_id, field="placeId") if input.place_id else None
    finding = await record_finding(
        patrol=patrol, kind=input.kind, description=input.description, place=place
    )
    return FindingRecorded(finding=PatrolFindingType.from_model(finding))

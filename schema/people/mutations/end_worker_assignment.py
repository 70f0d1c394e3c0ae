"""endWorkerAssignment: a worker leaves a post."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.organisation import end_worker_assignment as end_worker_assignment_verb
from models.org import WorkerAssignment
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.org_types import WorkerAssignmentType
from schema.people.types import place_of
from schema.visibility import visible_object


@strawberry.input(description="The end of a worker's post.")
class EndWorkerAssignmentInput:
    id: strawberry.ID = strawberry.field(description="The post.")
    ended_on: date = strawberry.field(description="Last day in the post.")


@strawberry.type(description="The post ended.")
class WorkerAssignmentEnded:
    worker_assignment: WorkerAssignmentType = strawberry.field(description="The ended post.")


EndWorkerAssignmentResult = Annotated[
    WorkerAssignmentEnded | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("EndWorkerAssignmentResult", description="The result of endWorkerAssignment."),
]


async def end_worker_assignment(
    info: Info, input: EndWorkerAssignmentInput
) -> EndWorkerAssignmentResult:
    row = await visible_object(info, WorkerAssignment, input.id, field="id")
    require(
        info,
        Resource.WORKER_ASSIGNMENT,
        Action.UPDATE,
        (await place_of(info, row.place_id)).path,
    )
    ended = await end_worker_assignment_verb(
        assignment=row, ended_on=input.ended_on, actor=info.context.viewer
    )
    return WorkerAssignmentEnded(worker_assignment=WorkerAssignmentType.from_model(ended))

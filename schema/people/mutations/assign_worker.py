"""assignWorker: put a worker in a post at a place (grid worker, micro-grid worker, leader)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.organisation import assign_worker as assign_worker_verb
from models.enums import WorkerPost
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.org_types import WorkerAssignmentType
from schema.visibility import visible_object


@strawberry.input(description="A worker taking up a post.")
class AssignWorkerInput:
    person_id: strawberry.ID = strawberry.field(description="The worker.")
    place_id: strawberry.ID = strawberry.field(description="The grid or micro-grid served.")
    post: WorkerPost = strawberry.field(description="The post.")
    started_on: date = strawberry.field(description="First day in the post.")


@strawberry.type(description="The worker took up the post.")
class WorkerAssigned:
    worker_assignment: WorkerAssignmentType = strawberry.field(description="The new post.")


AssignWorkerResult = Annotated[
    WorkerAssigned | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("AssignWorkerResult", description="The result of assignWorker."),
]


async def assign_worker(info: Info, input: AssignWorkerInput) -> AssignWorkerResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.WORKER_ASSIGNMENT, Action.CREATE, place.path)
    person = await visible_object(info, Person, input.person_id, field="personId")
    row = await assign_worker_verb(
        person=person,
        place=place,
        post=input.post,
        started_on=input.started_on,
        actor=info.context.viewer,
    )
    return WorkerAssigned(worker_assignment=WorkerAssignmentType.from_model(row))

"""recordVisit: a worker records a visit (六访) to a person of their grid."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.errors import PermissionDeniedError
from domain.visits import record_visit
from models.grid import GridNode
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import row_for
from schema.patrols.types import VisitType


@strawberry.input(description="Who was visited, when, and what was found.")
class RecordVisitInput:
    person_id: strawberry.ID = strawberry.field(description="The person visited.")
    visited_at: datetime | None = strawberry.field(
        default=None, description="When; defaults to now."
    )
    notes: str = strawberry.field(default="", description="What was talked about.")
    found: str = strawberry.field(default="", description="What needs follow-up.")


@strawberry.type(description="The visit was recorded.")
class VisitRecorded:
    visit: VisitType = strawberry.field(description="The visit.")


RecordVisitResult = Annotated[
    VisitRecorded | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RecordVisitResult", description="The result of recordVisit."),
]


async def record_visit_mutation(info: Info, input: RecordVisitInput) -> RecordVisitResult:
    viewer = info.context.viewer
    person = await row_for(Person, "Person", input.person_id, field="personId")
    place = await GridNode.get(id=person.place_id)
    require(info, Resource.VISIT, Action.CREATE, place.path)
    if viewer.user_id is None:
        raise PermissionDeniedError("A visit is made by a worker's own account, not an API token")
    visit = await record_visit(
        person=person,
        visitor_user_id=viewer.user_id,
        visitor_person_id=viewer.person_id,
        visited_at=input.visited_at,
        notes=input.notes,
        found=input.found,
    )
    return VisitRecorded(visit=VisitType.from_model(visit))

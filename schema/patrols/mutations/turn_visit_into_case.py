"""turnVisitIntoCase: what a visit found becomes a case (channel home visit) of the visited
person in one step, recorded by the caller on their behalf and linked to the visit both ways."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_links import CaseDetails, visit_to_case
from models.enums import CaseUrgency
from schema.cases.access import category_by_id
from schema.cases.links import submitting_actor
from schema.cases.types import CaseType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.patrols.lookup import visible_visit


@strawberry.input(description="The visit, and what the case adds to what it found.")
class TurnVisitIntoCaseInput:
    visit_id: strawberry.ID = strawberry.field(description="The visit.")
    title: str | None = strawberry.field(
        default=None, description="Short title; defaults to the first line of what was found."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A case category, if known."
    )
    urgency: CaseUrgency = strawberry.field(default=CaseUrgency.NORMAL, description="How urgent.")


@strawberry.type(description="The visit's finding is now a case.")
class VisitTurnedIntoCase:
    case: CaseType = strawberry.field(description="The new case.")


TurnVisitIntoCaseResult = Annotated[
    VisitTurnedIntoCase | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("TurnVisitIntoCaseResult", description="The result of turnVisitIntoCase."),
]


async def turn_visit_into_case_mutation(
    info: Info, input: TurnVisitIntoCaseInput
) -> TurnVisitIntoCaseResult:
    visit = await visible_visit(info, input.visit_id, field="visitId")
    actor = submitting_actor(info, visit.place_path)
    case = await visit_to_case(
        visit=visit,
        details=CaseDetails(
            title=input.title,
            category=await category_by_id(input.category_id),
            urgency=input.urgency,
        ),
        actor=actor,
        upload_dir=info.context.upload_dir,
    )
    return VisitTurnedIntoCase(case=CaseType.from_model(case))

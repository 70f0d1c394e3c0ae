"""turnFindingIntoCase: a patrol finding becomes a case (channel patrol) in one step, reported
by the patrolling worker on the place's behalf and linked to the finding both ways."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_links import CaseDetails, finding_to_case
from models.auth import User
from models.enums import CaseUrgency
from models.patrols import Patrol
from models.people import Person
from schema.cases.access import category_by_id
from schema.cases.links import submitting_actor
from schema.cases.types import CaseType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.patrols.lookup import visible_finding


@strawberry.input(description="The finding, and what the case adds to it.")
class TurnFindingIntoCaseInput:
    finding_id: strawberry.ID = strawberry.field(description="The finding.")
    title: str | None = strawberry.field(
        default=None, description="Short title; defaults to the finding's first line."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A case category, if known."
    )
    urgency: CaseUrgency = strawberry.field(default=CaseUrgency.NORMAL, description="How urgent.")


@strawberry.type(description="The finding is now a case.")
class FindingTurnedIntoCase:
    case: CaseType = strawberry.field(description="The new case.")


TurnFindingIntoCaseResult = Annotated[
    FindingTurnedIntoCase | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("TurnFindingIntoCaseResult", description="The result of turnFindingIntoCase."),
]


async def turn_finding_into_case_mutation(
    info: Info, input: TurnFindingIntoCaseInput
) -> TurnFindingIntoCaseResult:
    finding = await visible_finding(info, input.finding_id, field="findingId")
    actor = submitting_actor(info, finding.place_path)
    patrol = await Patrol.get(id=finding.patrol_id)
    worker = (
        await Person.get_or_none(id=patrol.worker_person_id)
        if patrol.worker_person_id is not None
        else None
    )
    user = await User.get_or_none(id=patrol.worker_user_id)
    case = await finding_to_case(
        finding=finding,
        details=CaseDetails(
            title=input.title,
            category=await category_by_id(input.category_id),
            urgency=input.urgency,
        ),
        actor=actor,
        reporter=worker,
        reporter_name=user.username if user else "patrol",
        upload_dir=info.context.upload_dir,
    )
    return FindingTurnedIntoCase(case=CaseType.from_model(case))

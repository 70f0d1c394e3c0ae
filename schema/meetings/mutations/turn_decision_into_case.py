"""turnDecisionIntoCase: a decision with an owner and a deadline becomes work in the case loop,
in one step: it updates (comments on) the case it names or its agenda item was taken from, or
else creates a new case (channel meeting) at the meeting's place. Linked both ways."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_links import CaseDetails, decision_to_case, decision_updates_case
from domain.errors import NotFoundError
from models.auth import User
from models.cases import Case
from models.enums import CaseAction, CaseUrgency
from models.meetings import AgendaItem, Decision, Meeting
from models.people import Person
from permissions.enums import Action, Resource
from permissions.rows import visible
from schema.cases.access import authorize, category_by_id, visible_case
from schema.cases.links import submitting_actor
from schema.cases.types import CaseType
from schema.context import Info
from schema.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from schema.guards import require
from schema.meetings.types import DecisionType
from schema.relay import parse_pk, to_global_id


@strawberry.input(description="The decision, and the case it creates or updates.")
class TurnDecisionIntoCaseInput:
    decision_id: strawberry.ID = strawberry.field(description="The decision.")
    case_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A case to update instead; defaults to its agenda item's case, if any.",
    )
    title: str | None = strawberry.field(
        default=None, description="A new case's title; defaults to the decision's first line."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new case's category, if known."
    )
    urgency: CaseUrgency = strawberry.field(
        default=CaseUrgency.NORMAL, description="A new case's urgency."
    )


@strawberry.type(description="The decision is now work in the case loop.")
class DecisionTurnedIntoCase:
    decision: DecisionType = strawberry.field(description="The decision, now linked.")
    case: CaseType = strawberry.field(description="The case it created or updated.")
    created: bool = strawberry.field(description="True for a new case, false for an update.")


TurnDecisionIntoCaseResult = Annotated[
    DecisionTurnedIntoCase
    | ValidationFailed
    | NotFound
    | Conflict
    | PermissionDenied
    | InvalidTransition,
    strawberry.union(
        "TurnDecisionIntoCaseResult", description="The result of turnDecisionIntoCase."
    ),
]


async def _decision(info: Info, global_id: str) -> tuple[Decision, Meeting]:
    """The decision, if its meeting is one the caller sees; changing it needs meeting.update."""
    pk = parse_pk(global_id, field="decisionId", expected="Decision")
    row = await Decision.get_or_none(id=pk)
    meeting = (
        await visible(Meeting, info.context.viewer).filter(id=row.meeting_id).first()
        if row is not None
        else None
    )
    if row is None or meeting is None:
        raise NotFoundError("Decision", global_id, field="decisionId")
    require(info, Resource.MEETING, Action.UPDATE, meeting.place_path)
    return row, meeting


async def _case_to_update(
    info: Info, input: TurnDecisionIntoCaseInput, decision: Decision
) -> Case | None:
    if input.case_id is not None:
        return await visible_case(info, input.case_id, field="caseId")
    if decision.agenda_item_id is None:
        return None
    item = await AgendaItem.get(id=decision.agenda_item_id)
    if item.case_id is None:
        return None
    case = await visible(Case, info.context.viewer).get_or_none(id=item.case_id)
    if case is None:
        raise NotFoundError("Case", to_global_id("Case", item.case_id), field="decisionId")
    return case


async def turn_decision_into_case_mutation(
    info: Info, input: TurnDecisionIntoCaseInput
) -> TurnDecisionIntoCaseResult:
    decision, meeting = await _decision(info, input.decision_id)
    case = await _case_to_update(info, input, decision)
    if case is not None:
        actor = await authorize(info, case, CaseAction.COMMENT)
        await decision_updates_case(decision=decision, meeting=meeting, case=case, actor=actor)
        created = False
    else:
        viewer = info.context.viewer
        actor = submitting_actor(info, meeting.place_path)
        me = await Person.get_or_none(id=viewer.person_id) if viewer.person_id else None
        user = await User.get_or_none(id=viewer.user_id) if viewer.user_id else None
        case = await decision_to_case(
            decision=decision,
            meeting=meeting,
            details=CaseDetails(
                title=input.title,
                category=await category_by_id(input.category_id),
                urgency=input.urgency,
            ),
            actor=actor,
            reporter=me,
            reporter_name=(meeting.title if user is None else user.username)[:50],
            upload_dir=info.context.upload_dir,
        )
        created = True
    return DecisionTurnedIntoCase(
        decision=DecisionType.from_model(decision),
        case=CaseType.from_model(case),
        created=created,
    )

"""recordDecision: what a meeting decided, with an owner and a deadline; it may post a need."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.errors import NotFoundError
from domain.meetings import record_decision
from domain.needs.post import NeedDraft
from models.enums import ListCategory, NeedKind
from models.meetings import AgendaItem
from models.org import Department
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import require_at_home, row_for
from schema.meetings.lookup import meeting_to_change
from schema.meetings.types import DecisionType
from schema.relay import parse_pk


@strawberry.input(description="A need the decision creates.")
class DecidedNeedInput:
    kind: NeedKind = strawberry.field(default=NeedKind.NEED, description="Need or micro-wish.")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(default="", description="What is needed.")
    poster_id: strawberry.ID = strawberry.field(description="The resident it is for.")


@strawberry.input(description="A decision of a meeting.")
class RecordDecisionInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting.")
    text: str = strawberry.field(description="What was decided.")
    agenda_item_id: strawberry.ID | None = strawberry.field(
        default=None, description="The agenda item it settles."
    )
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person who carries it out."
    )
    owner_department_id: strawberry.ID | None = strawberry.field(
        default=None, description="Or the department that does."
    )
    deadline: date | None = strawberry.field(default=None, description="By when.")
    new_need: DecidedNeedInput | None = strawberry.field(
        default=None, description="A need to post as part of the decision."
    )


@strawberry.type(description="The decision was recorded.")
class DecisionRecorded:
    decision: DecisionType = strawberry.field(description="The decision.")


RecordDecisionResult = Annotated[
    DecisionRecorded | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RecordDecisionResult", description="The result of recordDecision."),
]


async def record_decision_mutation(info: Info, input: RecordDecisionInput) -> RecordDecisionResult:
    meeting = await meeting_to_change(info, input.meeting_id, field="meetingId")
    item = None
    if input.agenda_item_id is not None:
        pk = parse_pk(input.agenda_item_id, field="agendaItemId", expected="AgendaItem")
        item = await AgendaItem.get_or_none(id=pk, meeting_id=meeting.id)
        if item is None:
            raise NotFoundError("AgendaItem", input.agenda_item_id, field="agendaItemId")
    owner = (
        await row_for(Person, "Person", input.owner_id, field="ownerId") if input.owner_id else None
    )
    if owner is not None:
        await require_at_home(info, owner, Resource.PERSON, Action.READ)
    department = (
        await row_for(
            Department, "Department", input.owner_department_id, field="ownerDepartmentId"
        )
        if input.owner_department_id
        else None
    )
    draft, poster = None, None
    if input.new_need is not None:
        wanted = input.new_need
        poster = await row_for(Person, "Person", wanted.poster_id, field="newNeed.posterId")
        require(info, Resource.NEED, Action.CREATE, meeting.place_path)
        require(info, Resource.NEED, Action.UPDATE, meeting.place_path)
        await require_at_home(info, poster, Resource.NEED, Action.UPDATE)
        draft = NeedDraft(wanted.kind, wanted.category, wanted.title, wanted.description)
    decision = await record_decision(
        meeting=meeting,
        text=input.text,
        agenda_item=item,
        owner=owner,
        owner_department=department,
        deadline=input.deadline,
        new_need=draft,
        need_poster=poster,
        actor_user_id=info.context.viewer.user_id,
    )
    return DecisionRecorded(decision=DecisionType.from_model(decision))

"""addAgendaItem: put a need or a case on a meeting's agenda (one the caller may see)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.meetings import add_agenda_item
from schema.cases.access import visible_case
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import need_for
from schema.meetings.lookup import meeting_to_change
from schema.meetings.types import AgendaItemType


@strawberry.input(description="An agenda item, and where it was taken from.")
class AddAgendaItemInput:
    meeting_id: strawberry.ID = strawberry.field(description="The meeting.")
    title: str = strawberry.field(description="What is to be discussed.")
    need_id: strawberry.ID | None = strawberry.field(
        default=None, description="The need it is taken from."
    )
    case_id: strawberry.ID | None = strawberry.field(
        default=None, description="The case it is taken from (one you may see)."
    )


@strawberry.type(description="The item is on the agenda.")
class AgendaItemAdded:
    agenda_item: AgendaItemType = strawberry.field(description="The item.")


AddAgendaItemResult = Annotated[
    AgendaItemAdded | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("AddAgendaItemResult", description="The result of addAgendaItem."),
]


async def add_agenda_item_mutation(info: Info, input: AddAgendaItemInput) -> AddAgendaItemResult:
    meeting = await meeting_to_change(info, input.meeting_id, field="meetingId")
    need = await need_for(info, input.need_id, field="needId") if input.need_id else None
    case = await visible_case(info, input.case_id, field="caseId") if input.case_id else None
    item = await add_agenda_item(meeting=meeting, title=input.title, need=need, case=case)
    return AgendaItemAdded(agenda_item=AgendaItemType.from_model(item))

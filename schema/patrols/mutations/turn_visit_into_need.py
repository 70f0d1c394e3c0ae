"""turnVisitIntoNeed: what a visit found becomes a need of the visited person, in one step."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.post import NeedDraft
from domain.visits import visit_to_need
from models.enums import ListCategory, NeedKind
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.types import NeedType
from schema.patrols.lookup import visible_visit


@strawberry.input(description="The visit, and the need it becomes.")
class TurnVisitIntoNeedInput:
    visit_id: strawberry.ID = strawberry.field(description="The visit.")
    kind: NeedKind = strawberry.field(default=NeedKind.NEED, description="Need or micro-wish.")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(default="", description="What is needed.")


@strawberry.type(description="The visit's finding is now a need.")
class VisitTurnedIntoNeed:
    need: NeedType = strawberry.field(description="The new need.")


TurnVisitIntoNeedResult = Annotated[
    VisitTurnedIntoNeed | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("TurnVisitIntoNeedResult", description="The result of turnVisitIntoNeed."),
]


async def turn_visit_into_need_mutation(
    info: Info, input: TurnVisitIntoNeedInput
) -> TurnVisitIntoNeedResult:
    visit = await visible_visit(info, input.visit_id, field="visitId")
    require(info, Resource.NEED, Action.CREATE, visit.place_path)
    require(info, Resource.NEED, Action.UPDATE, visit.place_path)
    need = await visit_to_need(
        visit=visit,
        draft=NeedDraft(input.kind, input.category, input.title, input.description),
        actor_user_id=info.context.viewer.user_id,
    )
    return VisitTurnedIntoNeed(need=NeedType.from_model(need))

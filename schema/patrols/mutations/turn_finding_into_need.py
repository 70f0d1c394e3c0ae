"""turnFindingIntoNeed: a patrol finding becomes a need in one step, linked to it."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.post import NeedDraft
from domain.patrols import finding_to_need
from models.enums import ListCategory, NeedKind
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import person_for, require_at_home
from schema.lists.types import NeedType
from schema.patrols.lookup import visible_finding


@strawberry.input(description="The finding, and the need it becomes.")
class TurnFindingIntoNeedInput:
    finding_id: strawberry.ID = strawberry.field(description="The finding.")
    kind: NeedKind = strawberry.field(default=NeedKind.NEED, description="Need or micro-wish.")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(default="", description="What is needed.")
    poster_id: strawberry.ID | None = strawberry.field(
        default=None, description="The resident it is for; defaults to yourself."
    )


@strawberry.type(description="The finding is now a need.")
class FindingTurnedIntoNeed:
    need: NeedType = strawberry.field(description="The new need.")


TurnFindingIntoNeedResult = Annotated[
    FindingTurnedIntoNeed | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("TurnFindingIntoNeedResult", description="The result of turnFindingIntoNeed."),
]


async def turn_finding_into_need_mutation(
    info: Info, input: TurnFindingIntoNeedInput
) -> TurnFindingIntoNeedResult:
    finding = await visible_finding(info, input.finding_id, field="findingId")
    require(info, Resource.NEED, Action.CREATE, finding.place_path)
    require(info, Resource.NEED, Action.UPDATE, finding.place_path)
    poster = await person_for(info, input.poster_id, field="posterId")
    if poster.id != info.context.viewer.person_id:
        await require_at_home(info, poster, Resource.NEED, Action.UPDATE)
    need = await finding_to_need(
        finding=finding,
        draft=NeedDraft(input.kind, input.category, input.title, input.description),
        poster=poster,
        actor_user_id=info.context.viewer.user_id,
    )
    return FindingTurnedIntoNeed(need=NeedType.from_model(need))

"""rejectNeed: a grid worker refuses a posted need, saying why."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.acting import check
from domain.needs.steps import reject_need
from models.enums import NeedAction
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for
from schema.lists.types import NeedType


@strawberry.input(description="The need to reject, and why.")
class RejectNeedInput:
    id: strawberry.ID = strawberry.field(description="The need.")
    reason: str = strawberry.field(description="Why it is not taken on (shown to the resident).")
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The need was rejected.")
class NeedRejected:
    need: NeedType = strawberry.field(description="The need.")


RejectNeedResult = Annotated[
    NeedRejected | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("RejectNeedResult", description="The result of rejectNeed."),
]


async def reject_need_mutation(info: Info, input: RejectNeedInput) -> RejectNeedResult:
    need = await need_for(info, input.id, field="id")
    check(info.context.viewer, need, NeedAction.REJECT)
    check_version(need, input.version)
    need = await reject_need(need, reason=input.reason, actor_user_id=info.context.viewer.user_id)
    return NeedRejected(need=NeedType.from_model(need))

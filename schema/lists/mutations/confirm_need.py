"""confirmNeed: the resident whose need it is confirms it was met (闭合)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.acting import check
from domain.needs.steps import confirm_need
from models.enums import NeedAction
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for
from schema.lists.types import NeedType


@strawberry.input(description="The need the resident confirms.")
class ConfirmNeedInput:
    id: strawberry.ID = strawberry.field(description="The need.")
    note: str = strawberry.field(default="", description="A word of thanks, or a remark.")
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The need is closed (闭合).")
class NeedConfirmed:
    need: NeedType = strawberry.field(description="The need.")


ConfirmNeedResult = Annotated[
    NeedConfirmed | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("ConfirmNeedResult", description="The result of confirmNeed."),
]


async def confirm_need_mutation(info: Info, input: ConfirmNeedInput) -> ConfirmNeedResult:
    viewer = info.context.viewer
    need = await need_for(info, input.id, field="id", public_ok=True)
    check(viewer, need, NeedAction.CONFIRM)
    check_version(need, input.version)
    need = await confirm_need(need, actor_user_id=viewer.user_id, note=input.note.strip())
    return NeedConfirmed(need=NeedType.from_model(need))

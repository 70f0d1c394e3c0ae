"""fulfilNeed: the claimant (or a grid worker) records that the need was met, with evidence."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.acting import check
from domain.needs.steps import fulfil_need
from models.enums import NeedAction
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for
from schema.lists.types import NeedType


@strawberry.input(description="The need met, and how.")
class FulfilNeedInput:
    id: strawberry.ID = strawberry.field(description="The need.")
    evidence: str = strawberry.field(description="How it was met: a note or a photo's link.")
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The need is fulfilled; the resident confirms it next.")
class NeedFulfilled:
    need: NeedType = strawberry.field(description="The need.")


FulfilNeedResult = Annotated[
    NeedFulfilled | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("FulfilNeedResult", description="The result of fulfilNeed."),
]


async def fulfil_need_mutation(info: Info, input: FulfilNeedInput) -> FulfilNeedResult:
    viewer = info.context.viewer
    need = await need_for(info, input.id, field="id")
    check(viewer, need, NeedAction.FULFIL)
    check_version(need, input.version)
    need = await fulfil_need(need, evidence=input.evidence, actor_user_id=viewer.user_id)
    return NeedFulfilled(need=NeedType.from_model(need))

"""releaseNeed: the claimant gives a claim up, or a worker releases it; the need is back on the list."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.acting import check
from domain.needs.steps import release_need
from models.enums import NeedAction
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for
from schema.lists.types import NeedType


@strawberry.input(description="The claimed need to release.")
class ReleaseNeedInput:
    id: strawberry.ID = strawberry.field(description="The need.")
    reason: str = strawberry.field(default="", description="Why the claim is given up.")
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The claim was released; the need is published again.")
class NeedReleased:
    need: NeedType = strawberry.field(description="The need.")


ReleaseNeedResult = Annotated[
    NeedReleased | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("ReleaseNeedResult", description="The result of releaseNeed."),
]


async def release_need_mutation(info: Info, input: ReleaseNeedInput) -> ReleaseNeedResult:
    viewer = info.context.viewer
    need = await need_for(info, input.id, field="id")
    check(viewer, need, NeedAction.RELEASE)
    check_version(need, input.version)
    need = await release_need(need, actor_user_id=viewer.user_id, reason=input.reason.strip())
    return NeedReleased(need=NeedType.from_model(need))

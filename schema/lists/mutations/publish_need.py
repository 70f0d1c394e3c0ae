"""publishNeed: a grid worker verifies a posted need and puts it on the public list (公示)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.acting import check
from domain.needs.steps import publish_need
from models.enums import NeedAction
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for
from schema.lists.types import NeedType


@strawberry.input(description="The need to publish.")
class PublishNeedInput:
    id: strawberry.ID = strawberry.field(description="The need.")
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The need is on the public list.")
class NeedPublished:
    need: NeedType = strawberry.field(description="The need.")


PublishNeedResult = Annotated[
    NeedPublished | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("PublishNeedResult", description="The result of publishNeed."),
]


async def publish_need_mutation(info: Info, input: PublishNeedInput) -> PublishNeedResult:
    need = await need_for(info, input.id, field="id")
    check(info.context.viewer, need, NeedAction.PUBLISH)
    check_version(need, input.version)
    need = await publish_need(need, actor_user_id=info.context.viewer.user_id)
    return NeedPublished(need=NeedType.from_model(need))

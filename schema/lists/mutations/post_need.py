"""postNeed: a resident posts a need or micro-wish, or a worker posts it on their behalf."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.needs.post import NeedDraft, post_need
from models.enums import ListCategory, NeedKind
from models.grid import GridNode
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import person_for, require_at_home
from schema.lists.types import NeedType
from schema.lookup import visible_grid


@strawberry.input(description="A new need or micro-wish.")
class PostNeedInput:
    kind: NeedKind = strawberry.field(description="Need or micro-wish (微心愿).")
    category: ListCategory = strawberry.field(description="What it is about.")
    title: str = strawberry.field(description="Short title for the public list.")
    description: str = strawberry.field(default="", description="What is needed.")
    poster_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The resident it is for, when a worker posts on their behalf; omit for yourself.",
    )
    place_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where; defaults to where the resident lives."
    )


@strawberry.type(description="The need was posted; a grid worker publishes it next.")
class NeedPosted:
    need: NeedType = strawberry.field(description="The new need.")


PostNeedResult = Annotated[
    NeedPosted | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("PostNeedResult", description="The result of postNeed."),
]


async def post_need_mutation(info: Info, input: PostNeedInput) -> PostNeedResult:
    viewer = info.context.viewer
    poster = await person_for(info, input.poster_id, field="posterId")
    if input.place_id is not None:
        place = await visible_grid(info, input.place_id, field="placeId")
    else:
        place = await GridNode.get(id=poster.place_id)
    require(info, Resource.NEED, Action.CREATE, place.path)
    if poster.id != viewer.person_id:
        require(info, Resource.NEED, Action.UPDATE, place.path)
        await require_at_home(info, poster, Resource.NEED, Action.UPDATE)
    need = await post_need(
        draft=NeedDraft(input.kind, input.category, input.title, input.description),
        poster=poster,
        place=place,
        actor_user_id=viewer.user_id,
    )
    return NeedPosted(need=NeedType.from_model(need))

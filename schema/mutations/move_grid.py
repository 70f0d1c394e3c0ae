"""moveGrid: move a place, with its whole subtree, under another parent."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.grid import move_grid_node
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(description="A place and its new parent.")
class MoveGridInput:
    id: strawberry.ID = strawberry.field(description="The place to move, with its subtree.")
    new_parent_id: strawberry.ID = strawberry.field(description="Its new parent.")


@strawberry.type(description="The place and its subtree were moved.")
class GridMoved:
    grid: GridType = strawberry.field(description="The moved place.")


MoveGridResult = Annotated[
    GridMoved | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("MoveGridResult", description="The result of moveGrid."),
]


async def move_grid(info: Info, input: MoveGridInput) -> MoveGridResult:
    node = await visible_grid(info, input.id, field="id")
    new_parent = await visible_grid(info, input.new_parent_id, field="newParentId")
    require(info, Resource.GRID, Action.UPDATE, node.path)
    require(info, Resource.GRID, Action.UPDATE, new_parent.path)
    node = await move_grid_node(
        node=node, new_parent=new_parent, actor_id=info.context.viewer.user_id
    )
    return GridMoved(grid=GridType.from_model(node))

"""renameGrid: give a place a new name; its history keeps the old one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.grid import rename_grid_node
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(description="A place and its new name.")
class RenameGridInput:
    id: strawberry.ID = strawberry.field(description="The place.")
    name: str = strawberry.field(description="The new name, unique among its siblings.")


@strawberry.type(description="The place was renamed.")
class GridRenamed:
    grid: GridType = strawberry.field(description="The renamed place.")


RenameGridResult = Annotated[
    GridRenamed | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RenameGridResult", description="The result of renameGrid."),
]


async def rename_grid(info: Info, input: RenameGridInput) -> RenameGridResult:
    node = await visible_grid(info, input.id, field="id")
    require(info, Resource.GRID, Action.UPDATE, node.path)
    node = await rename_grid_node(node=node, name=input.name, actor_id=info.context.viewer.user_id)
    return GridRenamed(grid=GridType.from_model(node))

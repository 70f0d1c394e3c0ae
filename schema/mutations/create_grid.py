"""createGrid: add a place to the tree."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.grid import create_grid_node
from models.enums import GridLevel
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(description="A new place of the grid tree.")
class CreateGridInput:
    name: str = strawberry.field(description="Name, unique among its siblings.")
    level: GridLevel = strawberry.field(description="Its level; must sit below the parent's.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The parent place; omit for a root (a street or community)."
    )
    households_count: int = strawberry.field(default=0, description="Households it serves.")


@strawberry.type(description="The place was created.")
class GridCreated:
    grid: GridType = strawberry.field(description="The new place.")


CreateGridResult = Annotated[
    GridCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateGridResult", description="The result of createGrid."),
]


async def create_grid(info: Info, input: CreateGridInput) -> CreateGridResult:
    parent = None
    if input.parent_id is not None:
        parent = await visible_grid(info, input.parent_id, field="parentId")
    require(info, Resource.GRID, Action.CREATE, parent.path if parent else ADMIN_DOMAIN)
    node = await create_grid_node(
        name=input.name,
        level=input.level,
        parent=parent,
        households_count=input.households_count,
        actor_id=info.context.viewer.user_id,
    )
    return GridCreated(grid=GridType.from_model(node))

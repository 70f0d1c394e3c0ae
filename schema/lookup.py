"""Fetching the object an argument names, or failing with the argument's name."""

from __future__ import annotations

from api.context import Info
from domain.errors import NotFoundError
from models.grid import GridNode
from schema.relay import parse_pk


async def visible_grid(info: Info, global_id: str, *, field: str) -> GridNode:
    pk = parse_pk(global_id, field=field, expected="Grid")
    row = await info.context.loaders.by_id(GridNode).load(pk)
    if row is None:
        raise NotFoundError("Grid", global_id, field=field)
    return row

"""Fetching the object an argument names, or failing with the argument's name; narrowing a list
to the subtree of the place an argument names."""

from __future__ import annotations

from typing import TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from domain.errors import NotFoundError
from models.grid import GridNode
from permissions.scope import PlacePath, in_subtree
from schema.context import Info
from schema.relay import parse_pk

M = TypeVar("M", bound=Model)


async def visible_grid(info: Info, global_id: str, *, field: str) -> GridNode:
    pk = parse_pk(global_id, field=field, expected="Grid")
    row = await info.context.loaders.by_id(GridNode).load(pk)
    if row is None:
        raise NotFoundError("Grid", global_id, field=field)
    return row


async def filter_to_subtree(
    info: Info, query: QuerySet[M], place_id: str | None, *, field: str, path_field: PlacePath
) -> QuerySet[M]:
    """``query`` kept to the rows whose place (``path_field``: a path field or a condition,
    ``permissions.scope.PlacePath``) lies under the place that argument ``field`` names
    (``query`` itself when the argument is left out)."""
    if place_id is None:
        return query
    top = await visible_grid(info, place_id, field=field)
    return query.filter(in_subtree(path_field, top.path))

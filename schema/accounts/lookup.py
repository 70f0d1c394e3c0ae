"""Fetching the account-area object an input names, under the caller's visibility."""

from __future__ import annotations

from typing import TypeVar

from tortoise.models import Model
from tortoise.queryset import QuerySet

from domain.errors import NotFoundError
from models.auth import ApiToken, RoleAssignment, User
from models.grid import GridNode
from models.org import Department
from permissions.rows import visible
from schema.context import Info
from schema.lookup import visible_grid
from schema.relay import parse_global_id, parse_pk

M = TypeVar("M", bound=Model)


async def _one(query: QuerySet[M], kind: str, global_id: str, field: str) -> M:
    row = await query.filter(id=parse_pk(global_id, field=field, expected=kind)).first()
    if row is None:
        raise NotFoundError(kind, global_id, field=field)
    return row


async def visible_user(info: Info, global_id: str, *, field: str) -> User:
    return await _one(visible(User, info.context.viewer), "User", global_id, field)


async def visible_department(info: Info, global_id: str, *, field: str) -> Department:
    return await _one(visible(Department, info.context.viewer), "Department", global_id, field)


async def visible_token(info: Info, global_id: str, *, field: str) -> ApiToken:
    return await _one(visible(ApiToken, info.context.viewer), "ApiToken", global_id, field)


async def visible_assignment(info: Info, global_id: str, *, field: str) -> RoleAssignment:
    query = visible(RoleAssignment, info.context.viewer).select_related("grid")
    return await _one(query, "RoleAssignment", global_id, field)


async def visible_place(
    info: Info, global_id: str | None, *, field: str
) -> tuple[GridNode | None, Department | None]:
    """The grid node or department a ``placeId`` names; (None, None) when omitted."""
    if global_id is None:
        return None, None
    kind, _ = parse_global_id(global_id, field=field, expected=("Grid", "Department"))
    if kind == "Grid":
        return await visible_grid(info, global_id, field=field), None
    return None, await visible_department(info, global_id, field=field)

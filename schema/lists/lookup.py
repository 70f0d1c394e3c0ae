"""Fetching the needs, people and organisations a mutation's input names."""

from __future__ import annotations

from typing import Any, TypeVar

from tortoise.models import Model

from domain.errors import ConflictError, NotFoundError
from models.grid import GridNode
from models.lists import Need
from models.people import Person
from permissions.enums import Action, Resource
from permissions.rows import board, visible
from schema.context import Info
from schema.guards import require
from schema.relay import parse_global_id, parse_pk

M = TypeVar("M", bound=Model)


async def need_for(info: Info, global_id: str, *, field: str, public_ok: bool = False) -> Need:
    """A need the caller may see by name; with ``public_ok`` also one on the public list."""
    _, pk = parse_global_id(global_id, field=field, expected=("Need", "PublicNeed"))
    row = await visible(Need, info.context.viewer).filter(id=pk).first()
    if row is None and public_ok:
        row = await board(Need).filter(id=pk).first()
    if row is None:
        raise NotFoundError("Need", global_id, field=field)
    return row


async def row_for(model: type[M], type_name: str, global_id: str, *, field: str) -> M:
    """A row by global ID; whether the caller may act on it is decided by the caller."""
    row = await model.get_or_none(id=parse_pk(global_id, field=field, expected=type_name))
    if row is None:
        raise NotFoundError(type_name, global_id, field=field)
    return row


async def person_for(info: Info, global_id: str | None, *, field: str) -> Person:
    """The person named, or the caller's own person when none is named."""
    if global_id is not None:
        return await row_for(Person, "Person", global_id, field=field)
    own = info.context.viewer.person_id
    row = await Person.get_or_none(id=own) if own is not None else None
    if row is None:
        raise NotFoundError("Person", "of your account", field=field)
    return row


async def require_at_home(info: Info, person: Person, resource: Resource, action: Action) -> None:
    """Acting on someone's behalf needs the right where they live, not only where the act is:
    otherwise any ID would reveal a stranger's name."""
    home = await GridNode.get(id=person.place_id)
    require(info, resource, action, home.path)


def check_version(row: Any, version: int | None) -> None:
    """Optimistic concurrency from the client: the version it last saw must be current."""
    if version is not None and version != row.version:
        raise ConflictError(
            f"It changed since you loaded it (version {version}, now {row.version}); reload"
        )

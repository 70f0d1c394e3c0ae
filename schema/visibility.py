"""Per-request loaders of what the viewer may see: nested edges and ``node(id:)`` use these, so
no path shows a row that the list of its type hides (``permissions.rows.visible``)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from domain.errors import NotFoundError
from permissions.rows import visible
from schema.context import Info
from schema.relay import parse_pk

M = TypeVar("M", bound=Model)


def visible_by_id(info: Info, model: type[M]) -> DataLoader[int, M | None]:
    """Rows by id, None where missing or hidden from the viewer."""
    viewer = info.context.viewer

    async def load(ids: list[int]) -> Sequence[M | None]:
        rows = {row.pk: row for row in await visible(model, viewer).filter(pk__in=ids)}
        return [rows.get(i) for i in ids]

    return info.context.loaders.keyed(("visible_by_id", model), load)


def visible_by_fk(
    info: Info, model: type[M], fk: str, order: str = "id"
) -> DataLoader[int, list[M]]:
    """Visible rows grouped by the foreign key ``fk`` (e.g. a household's members)."""
    viewer = info.context.viewer

    async def load(keys: list[int]) -> Sequence[list[M]]:
        grouped: dict[int, list[M]] = defaultdict(list)
        query = visible(model, viewer).filter(**{f"{fk}__in": keys}).order_by(order)
        for row in await query:
            grouped[getattr(row, fk)].append(row)
        return [grouped.get(k, []) for k in keys]

    return info.context.loaders.keyed(("visible_by_fk", model, fk), load)


async def fetch_visible(info: Info, model: type[M], ids: list[int]) -> list[M | None]:
    return list(await visible_by_id(info, model).load_many(ids))


async def visible_object(info: Info, model: type[M], global_id: str, *, field: str) -> M:
    """The object an input field names, or NotFound naming that field (hidden = absent)."""
    type_name = model.__name__
    pk = parse_pk(global_id, field=field, expected=type_name)
    row = await visible_by_id(info, model).load(pk)
    if row is None:
        raise NotFoundError(type_name, global_id, field=field)
    return row


def node_fetcher(model: type[M], build: Any) -> Any:
    """A ``register_node`` fetcher that builds the GraphQL object of each visible row."""

    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = await fetch_visible(info, model, ids)
        return [build(row) if row is not None else None for row in rows]

    return fetch

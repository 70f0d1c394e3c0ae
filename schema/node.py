"""``node(id:)`` and ``nodes(ids:)``: any object by global ID, under the same visibility as lists."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import UserError
from schema.relay import NODE_KINDS, Node, parse_global_id

MAX_NODES = 100


async def _resolve(info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
    if len(ids) > MAX_NODES:
        raise UserError("too_many_ids", f"At most {MAX_NODES} ids at once, got {len(ids)}")
    parsed = [
        parse_global_id(value, field="id" if len(ids) == 1 else f"ids.{i}")
        for i, value in enumerate(ids)
    ]
    by_kind: dict[str, list[int]] = defaultdict(list)
    for type_name, pk in parsed:
        if type_name not in NODE_KINDS:
            raise UserError("unknown_type", f"No object type {type_name!r} has global IDs")
        by_kind[type_name].append(pk)
    found: dict[tuple[str, int], Node | None] = {}
    for type_name, pks in by_kind.items():
        objects = await NODE_KINDS[type_name].fetch(info, pks)
        found.update(zip(((type_name, pk) for pk in pks), objects, strict=True))
    return [found[key] for key in parsed]


@strawberry.type
class NodeQueries:
    @strawberry.field(
        description="Any object by its global ID; null if it does not exist or is hidden from you."
    )
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global ID.")],
    ) -> Node | None:
        return (await _resolve(info, [id]))[0]

    @strawberry.field(
        description="Objects by global ID, in the same order; null where hidden or missing."
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID], strawberry.argument(description=f"Up to {MAX_NODES} global IDs.")
        ],
    ) -> list[Node | None]:
        return await _resolve(info, ids)

"""Cursor connections: every list in the API is one, ordered by a stable key (the id)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from permissions.rows import is_scoped, page_clauses
from schema.errors import UserError
from schema.relay import MAX_PK

NodeT = TypeVar("NodeT")

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


@strawberry.type(description="Where a page stands in its list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow `endCursor`.")
    has_previous_page: bool = strawberry.field(description="More items precede `startCursor`.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first item.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last item.")


@strawberry.type(description="One item of a connection with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Pass as `after` or `before` to page from here.")
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, Relay style, with the list's total size.")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Paging state.")
    count_query: strawberry.Private[QuerySet[Any] | None]

    @strawberry.field(description="The items of this page, without cursors.")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many items the whole list holds (all pages, same filters).")
    async def total_count(self) -> int:
        if self.count_query is None:
            return len(self.edges)
        return await self.count_query.count()


CURSOR = re.compile(r"cursor:(0|[1-9][0-9]{0,18})", re.ASCII)


def encode_cursor(key: int) -> str:
    return base64.b64encode(f"cursor:{key}".encode()).decode()


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        decoded = base64.b64decode(cursor.encode(), validate=True).decode()
        match = CURSOR.fullmatch(decoded)
        # Only the form encode_cursor writes, and a key an id column can hold.
        if match is None or int(match[1]) > MAX_PK:
            raise ValueError(decoded)
        return int(match[1])
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise UserError("bad_cursor", f"`{argument}` is not a cursor of this list") from None


def page_size(first: int | None, last: int | None) -> tuple[int, bool]:
    """``(size, backwards)``: ``first`` pages forwards, ``last`` backwards, at most 100."""
    if first is not None and last is not None:
        raise UserError("bad_page", "Pass `first` or `last`, not both")
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE_SIZE:
            raise UserError(
                "page_too_large" if value > MAX_PAGE_SIZE else "bad_page",
                f"`{name}` must be between 0 and {MAX_PAGE_SIZE}, got {value}",
            )
    if last is not None:
        return last, True
    return (DEFAULT_PAGE_SIZE if first is None else first), False


async def paginate(
    queryset: QuerySet[Any],
    wrap: Callable[[Any], NodeT],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    newest_first: bool = False,
) -> Connection[NodeT]:
    """One page of ``queryset`` by id (keyset pagination, so deep pages cost what the first does).

    ``queryset`` must come from ``permissions.rows`` (``visible``, ``board``, ``children``):
    a list built from a bare ``Model.all()`` is refused here rather than shown unscoped. When
    it carries clauses to page by (``visible(..., page_by_clause=True)``), each is paged on its
    own index and the pages merged.
    """
    if not is_scoped(queryset):
        raise TypeError(
            f"paginate() needs rows from permissions.rows, not a bare {queryset.model.__name__} query"
        )
    any_of: Sequence[Q] = page_clauses(queryset)
    size, backwards = page_size(first, last)
    page = queryset
    if after is not None:
        key = decode_cursor(after, "after")
        page = page.filter(id__lt=key) if newest_first else page.filter(id__gt=key)
    if before is not None:
        key = decode_cursor(before, "before")
        page = page.filter(id__gt=key) if newest_first else page.filter(id__lt=key)
    ascending = newest_first == backwards
    order = "id" if ascending else "-id"
    rows: list[Model]
    if len(any_of) > 1:
        merged = {
            row.pk: row for clause in any_of for row in await _page(page, clause, order, size)
        }
        rows = sorted(merged.values(), key=lambda row: row.pk, reverse=not ascending)[: size + 1]
    else:
        rows = await page.order_by(order).limit(size + 1)
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    edges = [Edge(cursor=encode_cursor(row.pk), node=wrap(row)) for row in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more if not backwards else before is not None,
            has_previous_page=more if backwards else after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_query=queryset,
    )


async def _page(queryset: QuerySet[Any], clause: Q, order: str, size: int) -> list[Model]:
    rows: list[Model] = await queryset.filter(clause).order_by(order).limit(size + 1)
    return rows

"""Cursor connections: every list in the API is one, ordered by a stable key (the id)."""

from __future__ import annotations

import base64
import binascii
import functools
import inspect
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

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

First = Annotated[
    int | None,
    strawberry.argument(description="Page forwards: at most this many (≤ 100, default 20)."),
]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor.")]
Last = Annotated[
    int | None, strawberry.argument(description="Page backwards: at most this many (≤ 100).")
]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor.")]
PAGING_ARGUMENTS = (("first", First), ("after", After), ("last", Last), ("before", Before))


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


@dataclass(frozen=True)
class Page:
    """Which page of a connection the caller asked for, and the list's own order."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None
    newest_first: bool = False


def connection(
    description: str, *, backwards: bool = False, newest_first: bool = False
) -> Callable[[Callable[..., Awaitable[Connection[Any]]]], Any]:
    """A connection field: its resolver takes ``page: Page`` and returns ``paginate(..., page)``.

    The field's GraphQL arguments are the resolver's own, then ``first``/``after`` (and
    ``last``/``before`` with ``backwards``), which reach the resolver as one ``Page``; a list
    ordered ``newest_first`` says so here, once.
    """
    paging = PAGING_ARGUMENTS if backwards else PAGING_ARGUMENTS[:2]

    def field(resolver: Callable[..., Awaitable[Connection[Any]]]) -> Any:
        signature = inspect.signature(resolver)
        if "page" not in signature.parameters:
            raise TypeError(f"{resolver.__qualname__} needs a `page: Page` parameter")
        own = [p for p in signature.parameters.values() if p.name != "page"]
        added = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=hint)
            for name, hint in paging
        ]

        @functools.wraps(resolver)
        async def resolve(*args: Any, **kwargs: Any) -> Connection[Any]:
            asked = {name: kwargs.pop(name, None) for name, _ in paging}
            return await resolver(*args, page=Page(**asked, newest_first=newest_first), **kwargs)

        # strawberry reads arguments from the signature; its string annotations still resolve
        # in the resolver's module, which functools.wraps copied.
        resolve.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
        resolve.__annotations__ = {
            **{p.name: p.annotation for p in own},
            **dict(paging),
            "return": signature.return_annotation,
        }
        return strawberry.field(resolver=resolve, description=description)

    return field


async def paginate(
    queryset: QuerySet[Any], wrap: Callable[[Any], NodeT], page: Page = Page()
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
    size, backwards = page_size(page.first, page.last)
    newest_first = page.newest_first
    rest = queryset
    if page.after is not None:
        key = decode_cursor(page.after, "after")
        rest = rest.filter(id__lt=key) if newest_first else rest.filter(id__gt=key)
    if page.before is not None:
        key = decode_cursor(page.before, "before")
        rest = rest.filter(id__gt=key) if newest_first else rest.filter(id__lt=key)
    ascending = newest_first == backwards
    order = "id" if ascending else "-id"
    rows: list[Model]
    if len(any_of) > 1:
        merged = {
            row.pk: row for clause in any_of for row in await _page(rest, clause, order, size)
        }
        rows = sorted(merged.values(), key=lambda row: row.pk, reverse=not ascending)[: size + 1]
    else:
        rows = await rest.order_by(order).limit(size + 1)
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    edges = [Edge(cursor=encode_cursor(row.pk), node=wrap(row)) for row in rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=more if not backwards else page.before is not None,
            has_previous_page=more if backwards else page.after is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        count_query=queryset,
    )


async def _page(queryset: QuerySet[Any], clause: Q, order: str, size: int) -> list[Model]:
    rows: list[Model] = await queryset.filter(clause).order_by(order).limit(size + 1)
    return rows

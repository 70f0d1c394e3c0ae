"""`connection` declares the paging arguments once and hands the resolver one `Page`."""

from __future__ import annotations

from typing import Annotated

import pytest
import strawberry

from schema.pagination import Connection, Page, PageInfo, connection

asked: list[Page] = []


@strawberry.type(description="An item.")
class Item:
    name: str = strawberry.field(description="Its name.")


def _empty() -> Connection[Item]:
    info = PageInfo(
        has_next_page=False, has_previous_page=False, start_cursor=None, end_cursor=None
    )
    return Connection(edges=[], page_info=info, count_query=None)


@strawberry.type(description="The root.")
class Query:
    @connection(description="Items, newest first.", backwards=True, newest_first=True)
    async def items(
        self,
        page: Page,
        kind: Annotated[str | None, strawberry.argument(description="Only this kind.")] = None,
    ) -> Connection[Item]:
        asked.append(page)
        return _empty()

    @connection(description="Items, oldest first.")
    async def forwards(self, page: Page) -> Connection[Item]:
        asked.append(page)
        return _empty()


schema = strawberry.Schema(query=Query)


def test_the_paging_arguments_follow_the_resolvers_own() -> None:
    query = schema._schema.query_type
    assert query is not None

    assert list(query.fields["items"].args) == ["kind", "first", "after", "last", "before"]
    assert list(query.fields["forwards"].args) == ["first", "after"]


async def test_the_resolver_gets_one_page_with_the_lists_order() -> None:
    asked.clear()

    result = await schema.execute(
        '{ items(kind: "a", last: 3, before: "b") { totalCount } forwards(first: 5) { totalCount } }'
    )

    assert result.errors is None
    assert asked == [
        Page(first=None, after=None, last=3, before="b", newest_first=True),
        Page(first=5, after=None, last=None, before=None, newest_first=False),
    ]


def test_a_resolver_without_a_page_is_refused() -> None:
    with pytest.raises(TypeError, match="page: Page"):

        @connection(description="Items.")
        async def items(self: object) -> Connection[Item]:
            return _empty()

"""Counting the SQL statements a request sends, on whichever database the test runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tortoise import Tortoise

_EXECUTORS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many")


@contextmanager
def recorded_sql() -> Iterator[list[str]]:
    """Yields a list that collects every statement sent on the default connection meanwhile."""
    conn: Any = Tortoise.get_connection("default")
    statements: list[str] = []
    originals = {name: getattr(conn, name) for name in _EXECUTORS}

    def wrap(original: Any) -> Any:
        async def recording(query: str, *args: Any, **kwargs: Any) -> Any:
            statements.append(query)
            return await original(query, *args, **kwargs)

        return recording

    for name, original in originals.items():
        setattr(conn, name, wrap(original))
    try:
        yield statements
    finally:
        for name in originals:
            delattr(conn, name)

"""Capturing the SQL the app really sends, by wrapping the default connection's execute methods."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from tortoise import Tortoise

EXECUTE_METHODS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many")


@dataclass
class Statement:
    sql: str
    values: list[Any] | None


@dataclass
class Captured:
    statements: list[Statement] = field(default_factory=list)

    @property
    def selects(self) -> list[Statement]:
        return [s for s in self.statements if s.sql.lstrip().upper().startswith("SELECT")]


@contextmanager
def captured_sql() -> Iterator[Captured]:
    """Every statement sent through the default connection while the block runs."""
    conn = Tortoise.get_connection("default")
    captured = Captured()
    originals = {name: getattr(conn, name) for name in EXECUTE_METHODS}

    def wrap(name: str) -> Any:
        original = originals[name]

        async def execute(query: str, values: Any = None, *args: Any, **kwargs: Any) -> Any:
            captured.statements.append(Statement(query, list(values) if values else None))
            if values is None:
                return await original(query, *args, **kwargs)
            return await original(query, values, *args, **kwargs)

        return execute

    for name in EXECUTE_METHODS:
        setattr(conn, name, wrap(name))
    try:
        yield captured
    finally:
        for name in EXECUTE_METHODS:
            delattr(conn, name)

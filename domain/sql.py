"""Hand-written SQL for the few statements the ORM cannot say well (aggregates, upserts),
written once with ``?`` placeholders and run on SQLite or PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from tortoise import connections


def numbered_placeholders(sql: str) -> str:
    """``?`` placeholders as PostgreSQL's ``$1, $2 …`` (the statement holds no other ``?``)."""
    parts = sql.split("?")
    return parts[0] + "".join(f"${n}{part}" for n, part in enumerate(parts[1:], start=1))


def is_postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


def for_this_database(sql: str) -> str:
    return numbered_placeholders(sql) if is_postgres() else sql


async def rows(sql: str, values: list[Any]) -> list[dict[str, Any]]:
    """The rows of a ``?``-placeholder query, on the current connection (or transaction)."""
    connection = connections.get("default")
    result: list[dict[str, Any]] = await connection.execute_query_dict(
        for_this_database(sql), values
    )
    return result


async def execute(sql: str, values: list[Any]) -> None:
    await connections.get("default").execute_query(for_this_database(sql), values)

"""Asking the database how it runs a statement, and finding full scans of large tables.

SQLite: ``EXPLAIN QUERY PLAN``; a line ``SCAN <table>`` without ``USING ... INDEX`` reads the
whole table. PostgreSQL: ``EXPLAIN`` with ``enable_seqscan = off``, so a ``Seq Scan`` appears
only where no index can serve the statement, whatever the table's size.
"""

from __future__ import annotations

import re

from tortoise import Tortoise
from tortoise.transactions import in_transaction

from domain.sql import is_postgres
from tests.support.sql_capture import Statement

# Lookup tables small by nature (a few dozen rows): scanning them is what an index would cost.
SMALL_TABLES = frozenset({"casbin_rule", "tortoise_migrations"})

_SQLITE_SCAN = re.compile(r"^SCAN (\w+)(?: AS (\w+))?$")
_PG_SEQ_SCAN = re.compile(r"Seq Scan on (\w+)")
_ALIAS = re.compile(r'(?:FROM|JOIN)\s+"(\w+)"\s+"(\w+)"', re.IGNORECASE)


async def plan(statement: Statement) -> list[str]:
    if is_postgres():
        # SET LOCAL in the transaction that explains: the pool has many connections.
        async with in_transaction() as conn:
            await conn.execute_script("SET LOCAL enable_seqscan = off")
            rows = await conn.execute_query_dict("EXPLAIN " + statement.sql, statement.values)
        return [str(r["QUERY PLAN"]) for r in rows]
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict("EXPLAIN QUERY PLAN " + statement.sql, statement.values)
    return [str(r["detail"]) for r in rows]


def stops_at_limit(statement: Statement, lines: list[str]) -> bool:
    """An unfiltered page: SQLite walks the primary key in order and stops after LIMIT rows."""
    sql = statement.sql.upper()
    return (
        " WHERE " not in sql
        and " LIMIT " in sql
        and ' ORDER BY "ID"' in sql
        and not any("TEMP B-TREE" in line for line in lines)
    )


def full_scans(statement: Statement, lines: list[str]) -> set[str]:
    """The tables (not aliases) ``lines`` read in full."""
    aliases = {alias: table for table, alias in _ALIAS.findall(statement.sql)}
    scanned: set[str] = set()
    for line in lines:
        match = _PG_SEQ_SCAN.search(line) if is_postgres() else _SQLITE_SCAN.match(line.strip())
        if match:
            scanned.add(aliases.get(match.group(1), match.group(1)))
    if scanned and not is_postgres() and stops_at_limit(statement, lines):
        return set()
    return scanned - SMALL_TABLES

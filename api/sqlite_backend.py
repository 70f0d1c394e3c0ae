"""The SQLite backend minqing uses: Tortoise's own, with every transaction begun IMMEDIATE.

Why: a deferred transaction that reads and then writes cannot wait for another process's write
lock — SQLite answers "database is locked" at once, because ``busy_timeout`` does not apply
when a read snapshot would have to become a write. Taking the write lock at ``BEGIN`` makes a
second server process wait (up to ``busy_timeout``) instead. Reads outside transactions never
wait under WAL.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Any

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionContext,
    SqliteTransactionWrapper,
)
from tortoise.exceptions import TransactionManagementError

from domain.clock import stored_text

# Every moment bound to SQLite is written in one zone (Tortoise's own adapter keeps the offset
# it was given, and SQLite compares the text): registered after Tortoise's, so it replaces it.
sqlite3.register_adapter(datetime, stored_text)


class ImmediateTransactionWrapper(SqliteTransactionWrapper):
    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc


class ImmediateSqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransactionContext(ImmediateTransactionWrapper(self), self._lock)


client_class = ImmediateSqliteClient


def get_client_class(db_info: dict[str, Any]) -> type[ImmediateSqliteClient]:
    return ImmediateSqliteClient

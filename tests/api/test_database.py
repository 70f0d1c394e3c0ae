"""The embedded database opens the way a busy server needs it."""

import pytest
from tortoise import Tortoise

from tests.conftest import ON_POSTGRES


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite pragmas")
async def test_sqlite_opens_with_wal_normal_sync_busy_timeout_and_foreign_keys(db: str) -> None:
    conn = Tortoise.get_connection("default")
    pragmas = {}
    for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys"):
        rows = await conn.execute_query_dict(f"PRAGMA {name}")
        pragmas[name] = next(iter(rows[0].values()))
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 1,
        "busy_timeout": 10000,
        "foreign_keys": 1,
    }


async def test_healthz_answers_ok_when_the_database_answers(gql) -> None:  # type: ignore[no-untyped-def]
    response = await gql.http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}

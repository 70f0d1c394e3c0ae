"""Database configuration and lifecycle for Tortoise ORM (SQLite by default, PostgreSQL to scale)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tortoise import Tortoise
from tortoise.backends.base.config_generator import expand_db_url

from api.settings import get_settings
from models import MODEL_MODULES

# Why these pragmas: WAL lets readers proceed during a write, NORMAL is durable under WAL
# except for power loss, busy_timeout makes a second process wait instead of failing, and
# SQLite leaves foreign keys off unless asked.
SQLITE_PRAGMAS: dict[str, Any] = {
    "journal_mode": "WAL",
    "synchronous": "NORMAL",
    "busy_timeout": 10000,
    "foreign_keys": "ON",
}

# Tortoise's SQLite client, with transactions that take the write lock at BEGIN.
SQLITE_ENGINE = "api.sqlite_backend"


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    """The Tortoise config dict for ``database_url`` (the settings' URL by default)."""
    url = database_url or get_settings().database_url
    connection = expand_db_url(url)
    if connection["engine"] == "tortoise.backends.sqlite":
        path = connection["credentials"]["file_path"]
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        connection["credentials"].update(SQLITE_PRAGMAS)
        connection["engine"] = SQLITE_ENGINE
    return {
        "connections": {"default": connection},
        "apps": {
            "models": {
                "models": list(MODEL_MODULES),
                "default_connection": "default",
                "migrations": "migrations",
            }
        },
        "use_tz": True,
        "timezone": "Asia/Shanghai",
    }


async def init_db(database_url: str | None = None) -> None:
    """Open the connections of this process (no schema changes: run ``minqing migrate``)."""
    await Tortoise.init(config=tortoise_config(database_url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()

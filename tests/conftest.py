"""Test fixtures: a real, migrated database per test (an SQLite file, or the PostgreSQL named
by ``MINQING_TEST_DATABASE_URL``), and the real app over HTTP."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import Tortoise
from tortoise.context import TortoiseContext

from api.app import create_app
from api.db import tortoise_config
from api.migrate import apply_migrations, seed_defaults
from api.settings import load_settings
from tests.support.graphql import GraphQLClient

TEST_DATABASE_URL = os.environ.get("MINQING_TEST_DATABASE_URL", "")
ON_POSTGRES = TEST_DATABASE_URL.startswith(("postgres://", "postgresql://", "asyncpg://"))
SKIP_TABLES = {"tortoise_migrations"}


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Migrate once per session: an SQLite template file, or the PostgreSQL database itself."""
    if ON_POSTGRES:
        asyncio.run(_reset_postgres(TEST_DATABASE_URL))
        asyncio.run(apply_migrations(TEST_DATABASE_URL))
        return TEST_DATABASE_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    asyncio.run(apply_migrations(f"sqlite://{path}"))
    return str(path)


async def _reset_postgres(url: str) -> None:
    ctx = TortoiseContext()
    async with ctx:
        await ctx.init(config=tortoise_config(url))
        conn = ctx.connections.get("default")
        await conn.execute_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


async def _truncate_postgres() -> None:
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
    )
    tables = [r["tablename"] for r in rows if r["tablename"] not in SKIP_TABLES]
    await conn.execute_script(
        "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
    )
    await seed_defaults()


@pytest.fixture
def database_url(migrated_template: str, tmp_path: Path) -> str:
    if ON_POSTGRES:
        return migrated_template
    target = tmp_path / "minqing.sqlite3"
    shutil.copyfile(migrated_template, target)
    return f"sqlite://{target}"


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[str]:
    """An open, empty, migrated database for this test."""
    ctx = TortoiseContext()
    async with ctx:
        await ctx.init(config=tortoise_config(database_url), _enable_global_fallback=True)
        if ON_POSTGRES:
            await _truncate_postgres()
        await reload_permissions()
        forget_map_index()  # another test's boundaries, cached in this process
        yield database_url


def forget_map_index() -> None:
    from domain.boundaries import lookup

    lookup.forget()


async def reload_permissions() -> None:
    from permissions.enforcer import reload

    await reload()


@pytest.fixture
async def gql(db: str, tmp_path: Path) -> AsyncIterator[GraphQLClient]:
    """The app over HTTP (in-process ASGI transport) on this test's database."""
    settings = load_settings(
        {"MINQING_DATABASE_URL": db, "MINQING_UPLOAD_DIR": str(tmp_path / "uploads")}
    )
    app = create_app(settings, manage_database=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)


@pytest.fixture
def cli_db(database_url: str) -> str:
    """An empty migrated database that the CLI opens itself (tests that are not async)."""
    if ON_POSTGRES:
        asyncio.run(_on_db(database_url, _truncate_postgres))
    return database_url


async def _on_db(url: str, body: Callable[[], Awaitable[Any]]) -> Any:
    from api.db import close_db, init_db

    await init_db(url)
    try:
        return await body()
    finally:
        await close_db()

"""Applying migrations (Tortoise's own migration engine) and the seeds every database needs."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.api.migrate import migrate

from api.db import tortoise_config
from api.db_guards import install_guards


async def apply_migrations(database_url: str | None = None) -> int:
    """Bring the schema up to date; returns how many migrations ran."""
    applied: list[str] = []

    def progress(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(name)

    config = tortoise_config(database_url)
    await migrate(config=config, progress=progress)
    await Tortoise.close_connections()
    # A fresh init: the migration engine leaves the models bound to its historical state.
    await Tortoise.init(config=config)
    try:
        await install_guards()
        await seed_defaults()
    finally:
        await Tortoise.close_connections()
    return len(applied)


async def seed_defaults() -> None:
    """Rows every database starts with (the default policy rules), inserted once."""
    try:
        from permissions.adapter import seed_policy_from_file
    except ImportError:  # pragma: no cover - until the adapter lands
        return
    await seed_policy_from_file()

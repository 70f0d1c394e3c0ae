"""``minqing demo``: load a demo modelled on the articles (Danyang's 振兴路社区, Kunming's 新亚洲体育城社区)."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer


def demo_command(
    households: Annotated[
        int, typer.Option(help="Households to generate beyond the named ones.")
    ] = 0,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Migrate, then load the demo communities (idempotent: an existing demo is left alone)."""
    from api.db import close_db, init_db
    from api.migrate import apply_migrations
    from domain.demo import load_demo

    async def run() -> None:
        await apply_migrations(database_url)
        await init_db(database_url)
        try:
            await load_demo(extra_households=households)
        finally:
            await close_db()

    asyncio.run(run())

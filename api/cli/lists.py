"""``minqing release-claims``: put needs whose claim ran out back on the public list."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

console = Console()


def release_claims_command(
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Release every claim past its deadline (idempotent: run it daily, e.g. from cron)."""
    from api.cli import run_with_db
    from domain.needs.steps import release_expired_claims

    released = run_with_db(database_url, release_expired_claims)
    console.print(f"Released {released} expired claim(s).")

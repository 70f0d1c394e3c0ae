"""``minqing recount-figures``: rebuild the kept case figures from the cases themselves."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

console = Console()


def recount_figures_command(
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Recount the figures kept per place, month and category (after loading cases in bulk;
    the case verbs keep them as they go)."""
    from tortoise.transactions import in_transaction

    from api.cli import run_with_db
    from domain.case_month_figures import rebuild

    async def recount() -> tuple[int, int]:
        async with in_transaction():
            return await rebuild()

    cases, rows = run_with_db(database_url, recount)
    console.print(f"Recounted the figures of {cases} cases into {rows} rows.")

"""``minqing sweep``: mark overdue case steps, escalate them, auto-close unrated cases."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

console = Console()


def sweep_command(
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Run one sweep now (idempotent: a step already marked is never marked again)."""
    from api.cli import run_with_db
    from domain.case_sweep import sweep

    report = run_with_db(database_url, sweep)
    console.print(
        f"Swept: {report.accept_overdue} accept, {report.handle_overdue} handle, "
        f"{report.report_in_overdue} report-in, {report.dispatch_overdue} dispatch overdue; "
        f"{report.auto_closed} auto-closed; {report.skipped} skipped."
    )

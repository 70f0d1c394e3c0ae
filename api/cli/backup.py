"""``minqing backup`` and ``minqing restore-check``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console = Console()
DatabaseOption = Annotated[
    str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
]


def _url(database_url: str | None) -> str:
    from api.settings import get_settings

    return database_url or get_settings().database_url


def backup_command(
    target: Annotated[Path, typer.Argument(help="The new backup file.")],
    database_url: DatabaseOption = None,
) -> None:
    """Copy the SQLite database to TARGET while servers run (VACUUM INTO); PostgreSQL: how to."""
    from api.backup import POSTGRES_GUIDANCE, backup_sqlite, sqlite_path

    url = _url(database_url)
    source = sqlite_path(url)
    if source is None:
        typer.echo(POSTGRES_GUIDANCE.format(url=url, target=target))
        raise typer.Exit(code=1)
    try:
        backup_sqlite(source, target)
    except FileExistsError as exc:
        console.print(f"[red]{exc}[/red]")
        raise typer.Exit(code=1) from None
    console.print(f"[green]Backed up[/green] {source} to {target}")


def restore_check_command(
    backup: Annotated[Path, typer.Argument(help="A backup made by `minqing backup`.")],
    database_url: DatabaseOption = None,
) -> None:
    """Check BACKUP opens, passes integrity_check, and has the live row count in every table."""
    from api.backup import restore_check, sqlite_path

    live = sqlite_path(_url(database_url))
    if live is None:
        console.print("restore-check compares SQLite files; for PostgreSQL see `minqing backup`.")
        raise typer.Exit(code=1)
    check = restore_check(live, backup)
    table = Table("table", "live rows", "backup rows")
    for name in sorted(set(check.live) | set(check.backup)):
        live_rows, backup_rows = check.live.get(name), check.backup.get(name)
        style = "" if live_rows == backup_rows else "red"
        table.add_row(name, str(live_rows), str(backup_rows), style=style)
    console.print(table)
    console.print(f"integrity_check: {check.integrity}")
    if not check.ok:
        console.print(f"[red]Backup differs[/red] in {len(check.differences)} table(s)")
        raise typer.Exit(code=1)
    console.print("[green]Backup matches the live database.[/green]")

"""The ``minqing`` command line."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import typer
from rich.console import Console

from api.cli.accounts import create_admin, token_app
from api.cli.backup import backup_command, restore_check_command
from api.cli.boundaries import boundaries_app
from api.cli.demo import demo_command
from api.cli.figures import recount_figures_command
from api.cli.lists import release_claims_command
from api.cli.sweep import sweep_command

app = typer.Typer(help="minqing (民情): grid-governance GraphQL backend.", no_args_is_help=True)
console = Console()

DatabaseOption = Annotated[
    str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
]


def run_with_db(database_url: str | None, body: Callable[[], Awaitable[Any]]) -> Any:
    """Open the database, run ``body``, close it."""
    from api.db import close_db, init_db

    async def wrapped() -> Any:
        await init_db(database_url)
        try:
            return await body()
        finally:
            await close_db()

    return asyncio.run(wrapped())


@app.command()
def migrate(database_url: DatabaseOption = None) -> None:
    """Apply every migration, then seed the default policy rules."""
    from api.migrate import apply_migrations

    applied = asyncio.run(apply_migrations(database_url))
    console.print(f"[green]Database is up to date[/green] ({applied} migration(s) applied).")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    migrate_first: Annotated[
        bool, typer.Option("--migrate/--no-migrate", help="Migrate first.")
    ] = True,
) -> None:
    """Serve the API at http://HOST:PORT/graphql."""
    import uvicorn

    from api.logging_setup import logging_config
    from api.settings import get_settings

    if migrate_first:
        migrate(None)
    console.print(f"minqing at [bold]http://{host}:{port}/graphql[/bold]")
    uvicorn.run(
        "api.asgi:app",
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        log_config=logging_config(get_settings()),
    )


app.command(name="demo")(demo_command)
app.command(name="create-admin")(create_admin)
app.add_typer(token_app, name="token")
app.add_typer(boundaries_app, name="boundaries")
app.command(name="release-claims")(release_claims_command)
app.command(name="backup")(backup_command)
app.command(name="restore-check")(restore_check_command)
app.command(name="sweep")(sweep_command)
app.command(name="recount-figures")(recount_figures_command)


def main() -> None:
    app()

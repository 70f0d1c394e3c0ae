"""``minqing demo``: load the demo communities (Danyang's 振兴路社区, Kunming's 新亚洲体育城社区),
optionally with generated households, and list the demo logins."""

from __future__ import annotations

import asyncio
import time
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table

console = Console()


class Scale(StrEnum):
    NAMED = "named"
    DISTRICT = "district"


def demo_command(
    scale: Annotated[
        Scale,
        typer.Option(
            help="named: the two article communities with one login per role. "
            "district: a whole district for benchmarks, into an empty database."
        ),
    ] = Scale.NAMED,
    residents: Annotated[
        int, typer.Option(min=100, help="With --scale district: how many residents.")
    ] = 700_000,
    cases: Annotated[
        int, typer.Option(min=0, help="With --scale district: how many cases over three years.")
    ] = 1_000_000,
    households: Annotated[
        int, typer.Option(min=0, help="Households to generate beyond the named ones.")
    ] = 0,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Migrate, then load the demo (an existing demo is left alone; --households always adds)."""
    from api.db import close_db, init_db
    from api.migrate import apply_migrations
    from demo.community import load_demo
    from demo.households import generate_households

    async def run() -> None:
        await apply_migrations(database_url)
        await init_db(database_url)
        try:
            if scale is Scale.DISTRICT:
                await _district(residents, cases)
                return
            loaded = await load_demo()
            console.print("Demo loaded." if loaded else "The demo is already there.")
            if households:
                with Progress(console=console) as progress:
                    task = progress.add_task("Households", total=households)
                    persons = await generate_households(
                        households, lambda n: progress.advance(task, n)
                    )
                console.print(f"Added {households} households with {persons} persons.")
        finally:
            await close_db()

    asyncio.run(run())
    if scale is Scale.NAMED:
        print_logins()


async def _district(residents: int, cases: int) -> None:
    from demo.district.generate import generate_district

    started = time.monotonic()
    with Progress(console=console) as progress:
        tasks: dict[str, TaskID] = {}

        def advance(table: str, rows: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(table, total=None)
            progress.advance(tasks[table], rows)

        written = await generate_district(residents, cases=cases, progress=advance)
    summary = ", ".join(f"{rows:,} {table}" for table, rows in written.items())
    console.print(f"District written in {time.monotonic() - started:.0f} s: {summary}.")


def print_logins() -> None:
    from demo.community import DEMO_LOGINS, DEMO_PASSWORD

    table = Table(title=f"Demo logins (password: {DEMO_PASSWORD})")
    for column in ("username", "role", "place", "who"):
        table.add_column(column)
    for login in DEMO_LOGINS:
        table.add_row(login.username, login.role.value, login.place, login.who)
    console.print(table)

"""``minqing boundaries import FILE``: places' boundaries from a GeoJSON FeatureCollection."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console()
boundaries_app = typer.Typer(help="Boundaries of places on the map (GeoJSON, GCJ-02).")


@boundaries_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A GeoJSON FeatureCollection (UTF-8).")],
    within: Annotated[
        int | None, typer.Option("--within", help="Match names only under this place (its id).")
    ] = None,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="Overrides MINQING_DATABASE_URL.")
    ] = None,
) -> None:
    """Import every feature, or none: each problem is printed with its feature's index."""
    from api.cli import run_with_db
    from domain.boundaries.geojson import MAX_GEOJSON_BYTES
    from domain.boundaries.importing import BoundaryImportError, import_boundaries
    from models.grid import GridNode

    size = file.stat().st_size
    if size > MAX_GEOJSON_BYTES:
        console.print(f"[red]{file} is {size:,} bytes; at most {MAX_GEOJSON_BYTES:,}.[/red]")
        raise typer.Exit(1)
    text = file.read_text(encoding="utf-8")

    async def body() -> tuple[int, list[str]] | list[str]:
        place = None
        if within is not None:
            place = await GridNode.get_or_none(id=within)
            if place is None:
                return [f"--within: no place {within}"]
        try:
            record, places = await import_boundaries(text=text, actor_id=None, within=place)
        except BoundaryImportError as error:
            return [f"{p.field} [{p.code}] {p.message}" for p in error.problems]
        return record.features, [p.name for p in places]

    result = run_with_db(database_url, body)
    if isinstance(result, list):
        console.print("[red]Nothing was imported:[/red]")
        for line in result:
            console.print(f"  {line}", markup=False)
        raise typer.Exit(1)
    count, names = result
    console.print(f"Imported {count} boundaries: {', '.join(names)}.")

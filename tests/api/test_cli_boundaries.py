"""``minqing boundaries import FILE`` on the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app, run_with_db
from models.grid import GridNode, PlaceBoundary
from tests.support.factories import small_tree
from tests.support.geojson import GRID_ONE, NORTH, collection, feature, rectangle


def test_a_file_is_imported_whole(cli_db: str, tmp_path: Path) -> None:
    run_with_db(cli_db, small_tree)
    path = tmp_path / "north.geojson"
    path.write_text(
        collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            feature(rectangle(GRID_ONE), name="第一网格", parent="振兴路社区"),
        ),
        encoding="utf-8",
    )

    result = CliRunner().invoke(app, ["boundaries", "import", str(path), "--database-url", cli_db])

    assert result.exit_code == 0, result.output
    assert "Imported 2 boundaries: 振兴路社区, 第一网格." in " ".join(result.output.split())


def test_a_bad_file_prints_every_problem_and_imports_nothing(cli_db: str, tmp_path: Path) -> None:
    run_with_db(cli_db, small_tree)
    path = tmp_path / "bad.geojson"
    path.write_text(
        collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            feature(rectangle(GRID_ONE), name="第一网格"),  # the south has one too
        ),
        encoding="utf-8",
    )

    result = CliRunner().invoke(app, ["boundaries", "import", str(path), "--database-url", cli_db])

    assert result.exit_code == 1
    assert "geoJson.features.1 [ambiguous_place]" in result.output

    async def count() -> tuple[int, int]:
        return await PlaceBoundary.all().count(), await GridNode.all().count()

    assert run_with_db(cli_db, count) == (0, 7)

"""``minqing backup`` copies the live SQLite file; ``minqing restore-check`` proves the copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.backup import row_counts
from api.cli import app
from models.enums import GridLevel
from permissions.enums import Role
from tests.conftest import ON_POSTGRES
from tests.support.factories import small_tree, user_with_role

runner = CliRunner()


@pytest.mark.skipif(ON_POSTGRES, reason="VACUUM INTO copies SQLite files")
async def test_a_backup_restores_with_the_same_rows_in_every_table(db: str, tmp_path: Path) -> None:
    await small_tree()
    await user_with_role(Role.ADMIN)
    target = tmp_path / "backups" / "minqing-backup.sqlite3"

    made = runner.invoke(app, ["backup", str(target), "--database-url", db])
    checked = runner.invoke(app, ["restore-check", str(target), "--database-url", db])

    assert made.exit_code == 0, made.output
    assert checked.exit_code == 0, checked.output
    assert "Backup matches the live database." in checked.output
    assert "integrity_check: ok" in checked.output
    counts = row_counts(target)
    assert counts["grid_node"] == 7
    assert counts["grid_change"] == 7


@pytest.mark.skipif(ON_POSTGRES, reason="VACUUM INTO copies SQLite files")
async def test_restore_check_names_a_table_whose_rows_differ(db: str, tmp_path: Path) -> None:
    from domain.grid import create_grid_node

    await small_tree()
    target = tmp_path / "backup.sqlite3"
    assert runner.invoke(app, ["backup", str(target), "--database-url", db]).exit_code == 0
    await create_grid_node(name="备份后街道", level=GridLevel.STREET, parent=None)

    checked = runner.invoke(app, ["restore-check", str(target), "--database-url", db])

    assert checked.exit_code == 1
    # the new street: its node, its history row and its audit row
    assert "Backup differs in 3 table(s)" in checked.output


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "taken.sqlite3"
    target.write_text("keep me")
    source = tmp_path / "live.sqlite3"
    made = runner.invoke(app, ["backup", str(target), "--database-url", f"sqlite://{source}"])
    assert made.exit_code == 1
    assert target.read_text() == "keep me"


def test_postgres_backups_print_pg_dump_guidance() -> None:
    url = "postgres://postgres@127.0.0.1:5432/minqing"
    made = runner.invoke(app, ["backup", "x.dump", "--database-url", url])
    assert made.exit_code == 1
    assert f'pg_dump --format=custom --file=x.dump "{url}"' in made.output

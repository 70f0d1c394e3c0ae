"""``minqing sweep`` on the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from api.cli import app


def test_minqing_sweep_reports_what_it_marked(database_url: str) -> None:
    result = CliRunner().invoke(app, ["sweep", "--database-url", database_url])
    assert result.exit_code == 0, result.output
    assert "Swept: 0 accept, 0 handle, 0 report-in, 0 dispatch overdue; 0 auto-closed" in (
        " ".join(result.output.split())
    )

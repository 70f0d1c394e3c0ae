"""``minqing sweep`` and ``minqing recount-figures`` on the command line."""

from __future__ import annotations

from typer.testing import CliRunner

from api.cli import app


def test_minqing_sweep_reports_what_it_marked(database_url: str) -> None:
    result = CliRunner().invoke(app, ["sweep", "--database-url", database_url])
    assert result.exit_code == 0, result.output
    assert "Swept: 0 accept, 0 handle, 0 report-in, 0 dispatch overdue; 0 auto-closed" in (
        " ".join(result.output.split())
    )


def test_minqing_recount_figures_rebuilds_them(database_url: str) -> None:
    result = CliRunner().invoke(app, ["recount-figures", "--database-url", database_url])
    assert result.exit_code == 0, result.output
    assert "Recounted the figures of 0 cases into 0 rows." in " ".join(result.output.split())

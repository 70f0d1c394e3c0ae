"""``minqing create-admin`` and ``minqing token``: run as a shell would, on a real database."""

from __future__ import annotations

from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import accounts, app, run_with_db
from models.auth import ApiToken, AuditEntry, RoleAssignment, User
from models.enums import GridLevel
from models.grid import GridNode

runner = CliRunner()


def test_create_admin_non_interactively(cli_db: str) -> None:
    result = runner.invoke(
        app, ["create-admin", "keeper", "--password", "long-enough-1", "--database-url", cli_db]
    )
    assert result.exit_code == 0, result.output
    assert "Admin 'keeper' created" in result.output

    async def check() -> tuple[Any, ...]:
        user = await User.get(username="keeper")
        roles = await RoleAssignment.filter(user_id=user.id).values_list("role", "global_scope")
        actions = await AuditEntry.all().order_by("id").values_list("action", flat=True)
        return roles, actions

    roles, actions = run_with_db(cli_db, check)
    assert [(str(r), g) for r, g in roles] == [("admin", True)]
    assert actions == ["user.create", "role.assign"]


def test_create_admin_reads_a_piped_password_and_refuses_a_taken_name(cli_db: str) -> None:
    args = ["create-admin", "keeper", "--database-url", cli_db]
    assert runner.invoke(app, args, input="long-enough-1\n").exit_code == 0
    again = runner.invoke(app, args, input="long-enough-1\n")
    assert again.exit_code == 1
    assert "taken" in again.output


def test_token_create_list_revoke(cli_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts.console, "width", 200)  # one line per row

    async def grid() -> int:
        node = await GridNode.create(
            name="振兴路社区", level=GridLevel.COMMUNITY, path="/", depth=0
        )
        await GridNode.filter(id=node.id).update(path=f"/{node.id}/")
        return node.id

    grid_id = run_with_db(cli_db, grid)
    created = runner.invoke(
        app,
        [
            "token", "create", "12345 热线", "--grant", f"grid_worker@{grid_id}",
            "--read", "case", "--write", "case", "--days", "30", "--database-url", cli_db,
        ],
    )  # fmt: skip
    assert created.exit_code == 0, created.output
    secret = created.output.strip().splitlines()[-1]
    assert secret.startswith("mqt_")

    listed = runner.invoke(app, ["token", "list", "--database-url", cli_db])
    assert listed.exit_code == 0, listed.output
    assert "12345 热线" in listed.output and secret[:12] in listed.output
    assert secret not in listed.output

    token_id = run_with_db(cli_db, lambda: ApiToken.get(name="12345 热线")).id
    revoked = runner.invoke(app, ["token", "revoke", str(token_id), "--database-url", cli_db])
    assert revoked.exit_code == 0, revoked.output
    assert run_with_db(cli_db, lambda: ApiToken.get(id=token_id)).revoked_at is not None
    assert "12345" not in runner.invoke(app, ["token", "list", "--database-url", cli_db]).output


def test_a_bad_grant_is_refused_before_touching_the_database(cli_db: str) -> None:
    result = runner.invoke(
        app, ["token", "create", "bot", "--grant", "mayor@1", "--database-url", cli_db]
    )
    assert result.exit_code == 2
    assert "not a role" in result.output

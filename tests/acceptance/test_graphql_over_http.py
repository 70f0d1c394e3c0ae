"""GraphQL over HTTP conformance: graphql-http's ``auditServer`` (``tests/http/``, its version
pinned in package-lock.json) against the real server — every audit ok, no warning, no notice."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.acceptance.conftest import LiveServer

AUDIT_DIR = Path(__file__).resolve().parents[1] / "http"
AUDITS = 61  # graphql-http 1.23.1


def tool(name: str) -> str:
    """``node`` or ``npm``; locally the audit may skip without them, in CI (``CI`` set) it fails."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI for the GraphQL over HTTP audit")
        pytest.skip(f"{name} is not installed (CI runs this audit)")
    return path


def test_the_server_passes_every_graphql_over_http_audit(live_server: LiveServer) -> None:
    node = tool("node")
    if not (AUDIT_DIR / "node_modules" / "graphql-http").is_dir():
        subprocess.run(
            [tool("npm"), "ci", "--no-audit", "--no-fund"],
            cwd=AUDIT_DIR,
            check=True,
            capture_output=True,
            timeout=300,
        )
    run = subprocess.run(
        [node, "audit.mjs", f"{live_server.url}/graphql"],
        cwd=AUDIT_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    failures = [
        f"{r['id']} {r['status']}: {r['name']} ({r['reason']})"
        for r in results
        if r["status"] != "ok"
    ]
    assert failures == [], "\n".join(failures)
    assert len(results) == AUDITS

"""The real server's stderr, access log on: failed logins with inline and variable passwords,
and GET requests whose query string carries one, leave no password and no traceback; with
``MINQING_LOG_FORMAT=json`` every line is a JSON object with a request id; the metrics
address answers a scraper without a token."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from tests.conftest import ON_POSTGRES
from tests.support.servers import ROOT, free_port

SECRET = "hunter2-Lv8w"
MINQING = [sys.executable, "-m", "api.cli"]
# How each is started: `minqing serve` (its own logging config) and plain uvicorn (adopted).
STARTS = {
    "serve-json": ["serve", "--no-migrate", "--port", "{port}"],
    "uvicorn-text": ["uvicorn", "api.asgi:app", "--port", "{port}", "--log-level", "info"],
}


@dataclass
class Started:
    url: str
    metrics_url: str
    log_format: str
    output: Path
    process: subprocess.Popen[bytes]

    def stop_and_read(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=10)
        return self.output.read_text()


@pytest.fixture(params=sorted(STARTS))
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Started]:
    if ON_POSTGRES:
        pytest.skip("the live-server tests exercise the embedded SQLite default")
    port, metrics_port = free_port(), free_port()
    log_format = request.param.rpartition("-")[2]
    env = {
        **os.environ,
        "MINQING_DATABASE_URL": f"sqlite://{tmp_path / 'minqing.sqlite3'}",
        "MINQING_ENVIRONMENT": "dev",
        "MINQING_LOG_FORMAT": log_format,
        "MINQING_METRICS_ADDRESS": f"127.0.0.1:{metrics_port}",
    }
    subprocess.run([*MINQING, "migrate"], check=True, env=env, cwd=ROOT, capture_output=True)
    args = [a.format(port=port) for a in STARTS[request.param]]
    command = [*MINQING, *args] if args[0] == "serve" else [sys.executable, "-m", *args]
    output = tmp_path / "output.log"
    with output.open("wb") as out:
        process = subprocess.Popen(
            # uvicorn's own config writes its access log to stdout: read both.
            command,
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    started = Started(
        f"http://127.0.0.1:{port}", f"http://127.0.0.1:{metrics_port}", log_format, output, process
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{started.url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {output.read_text()}")
            time.sleep(0.2)
        yield started
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def failed_logins(url: str) -> list[int]:
    inline = (
        f'mutation {{ login(input: {{login: "admin", password: "{SECRET}"}}) {{ __typename }} }}'
    )
    variables = "mutation SignIn($i: LoginInput!) { login(input: $i) { __typename } }"
    bodies = [
        {"query": inline[:-3]},  # does not parse
        {"query": inline.replace("})", ", remember: true})")},  # does not validate
        {"query": inline.replace(f'"{SECRET}"', f'["{SECRET}"]')},  # a list for a string
        {"query": inline},  # no such user
        {"query": variables, "variables": {"i": {"login": "admin", "password": SECRET}}},
        {"query": variables, "variables": {"i": {"login": "admin", "password": [SECRET]}}},
    ]
    statuses = [httpx.post(f"{url}/graphql", json=body, timeout=10).status_code for body in bodies]
    # A GET query string carries the document and the variables, password included.
    for query in (
        {"query": inline},
        {"query": "query($p: String) { apiVersion }", "variables": json.dumps({"p": SECRET})},
    ):
        statuses.append(httpx.get(f"{url}/graphql?{urlencode(query)}", timeout=10).status_code)
    return statuses


def test_no_password_no_traceback_and_a_request_id_on_every_line(server: Started) -> None:
    statuses = failed_logins(server.url)
    tagged = httpx.post(
        f"{server.url}/graphql",
        json={"query": "{ nope }"},
        headers={"X-Request-ID": "req-live-7"},
        timeout=10,
    )
    scraped = httpx.get(f"{server.metrics_url}/metrics", timeout=10)

    log = server.stop_and_read()

    assert statuses[:6] == [200, 200, 200, 401, 401, 200]
    assert SECRET not in log
    assert "Traceback" not in log
    access = [line for line in log.splitlines() if "GET /graphql" in line]
    assert len(access) == 2, log
    assert all("GET /graphql HTTP/1.1" in line and "?" not in line for line in access), access
    # One line per failed operation: the six POSTs, the GET query (its variable is unused),
    # and the tagged one; the GET mutation is refused before any operation runs (HTTP 405).
    assert statuses[6:] == [405, 200]
    assert log.count("refused: ") == 8, log
    assert scraped.status_code == 200
    assert 'minqing_requests_total{operation="SignIn",outcome="login_failed"} 1.0' in scraped.text
    assert tagged.headers["x-request-id"] == "req-live-7"
    # `minqing serve` prints where it listens on stdout; every other line is a log line.
    lines = [
        line for line in log.splitlines() if line.strip() and not line.startswith("minqing at")
    ]
    if server.log_format == "json":
        entries = [json.loads(line) for line in lines]
        assert all(isinstance(e["request_id"], str) for e in entries)
        tagged_lines = [e for e in entries if e["request_id"] == "req-live-7"]
        assert [(e["level"], e["logger"]) for e in tagged_lines] == [
            ("INFO", "minqing.errors"),
            ("INFO", "uvicorn.access"),
        ]
    else:
        tagged_lines = [line for line in lines if "[req-live-7]" in line]
        assert [line.split(" ", 4)[2:4] for line in tagged_lines] == [
            ["INFO", "minqing.errors"],
            ["INFO", "uvicorn.access"],
        ]

"""The real server over real HTTP: ``minqing demo`` into a fresh SQLite file, then
``minqing serve`` in a subprocess on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ON_POSTGRES

MINQING = [sys.executable, "-m", "api.cli"]
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str

    def login(self, username: str, password: str) -> str:
        """A session token from the ``login`` mutation, as a front end gets one."""
        response = httpx.post(
            f"{self.url}/graphql",
            json={
                "query": "mutation($input: LoginInput!) { login(input: $input) { __typename ... on LoggedIn { token } } }",
                "variables": {"input": {"login": username, "password": password}},
            },
            timeout=10,
        )
        assert response.status_code == 200, response.text
        token: str = response.json()["data"]["login"]["token"]
        return token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if ON_POSTGRES:
        pytest.skip("the live-server tests exercise the embedded SQLite default")
    database_url = f"sqlite://{tmp_path_factory.mktemp('live') / 'minqing.sqlite3'}"
    env = {**os.environ, "MINQING_DATABASE_URL": database_url, "MINQING_ENVIRONMENT": "dev"}
    subprocess.run([*MINQING, "demo"], check=True, env=env, cwd=ROOT, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*MINQING, "serve", "--no-migrate", "--port", str(port)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    f"the server did not start: {server.stderr.read() if server.stderr else ''}"
                )
            time.sleep(0.2)
        yield LiveServer(url=url, database_url=database_url)
    finally:
        server.terminate()
        server.wait(timeout=10)

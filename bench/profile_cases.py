"""Profile the case operations in-process (cProfile over the ASGI app, no network):

    .venv/bin/python -m bench.profile_cases data/bench/district-10000.sqlite3 [--requests 200]

Prints, per operation, the mean time per request and the top functions by own time."""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import time
from pathlib import Path

import httpx

from bench.cases import body_of, case_operations


async def run(database: Path, requests: int) -> None:
    from api.app import create_app
    from api.db import close_db, init_db
    from api.settings import load_settings

    url = f"sqlite://{database}"
    settings = load_settings({"MINQING_DATABASE_URL": url, "MINQING_RATE_LIMIT_PER_SECOND": "0"})
    await init_db(url)
    app = create_app(settings, manage_database=False)
    operations = case_operations(database.with_suffix(".json").read_text())
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for op in operations[1:4]:  # list, timeline, figures
                body = json.loads(body_of(op))
                for _ in range(10):  # warm up
                    await http.post("/graphql", json=body, headers=op.headers)
                profile = cProfile.Profile()
                started = time.perf_counter()
                profile.enable()
                for _ in range(requests):
                    await http.post("/graphql", json=body, headers=op.headers)
                profile.disable()
                elapsed = time.perf_counter() - started
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(18)
                print(f"=== {op.name}: {elapsed / requests * 1000:.2f} ms/request (profiled)")
                print(out.getvalue()[-4500:])
    finally:
        await close_db()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", type=Path)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    asyncio.run(run(args.database, args.requests))


if __name__ == "__main__":
    main()

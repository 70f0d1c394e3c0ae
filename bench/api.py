"""The API against a raw baseline: the real server (one uvicorn worker) and plain Starlette +
aiosqlite + json serving the same rows, each driven by the load generator from another process.

    scripts/bench api [--seconds 5] [--database data/bench.sqlite3] [--communities 20]

For each operation: requests/s at saturation (closed loop, 16 connections), then p50/p99 at
half of that rate (open loop), for minqing and the baseline, and minqing's share of the
baseline's requests/s. The database is seeded once (migrated, a tree of streets, communities
and grids) and reused; pass a new path for a fresh one.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from bench.cases import body_of, case_operations, database_for, seed_cases
from bench.ops import Operation

ROOT = Path(__file__).resolve().parents[1]


OPERATIONS = [
    Operation("trivial query", "{ apiVersion }", "/trivial"),
    Operation(
        "grids list, 20 rows + parent name",
        "{ grids(first: 20) { nodes { id name level parent { name } } } }",
        "/grids",
    ),
]


async def seed(database_url: str, communities: int) -> None:
    from api.db import close_db, init_db
    from api.migrate import apply_migrations
    from domain.grid import create_grid_node
    from models.enums import GridLevel

    await apply_migrations(database_url)
    await init_db(database_url)
    try:
        streets = [
            await create_grid_node(name=f"街道{s}", level=GridLevel.STREET, parent=None)
            for s in range(max(1, communities // 5))
        ]
        for c in range(communities):
            community = await create_grid_node(
                name=f"社区{c}", level=GridLevel.COMMUNITY, parent=streets[c % len(streets)]
            )
            for g in range(10):
                await create_grid_node(name=f"网格{g}", level=GridLevel.GRID, parent=community)
    finally:
        await close_db()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(app: str, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", app, "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{app} did not start")


def load(url: str, body: str, *options: str) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.load", url, body, *options, *HEADER_OPTIONS]
    out = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


HEADER_OPTIONS: list[str] = []


def measure(url: str, body: str, seconds: float, headers: dict[str, str]) -> dict[str, float]:
    HEADER_OPTIONS[:] = [o for k, v in headers.items() for o in ("--header", f"{k}: {v}")]
    load(url, body, "--saturate", "--seconds", "1")  # warm up
    peak = load(url, body, "--saturate", "--seconds", str(seconds))
    half = load(url, body, "--rate", str(peak["rps"] / 2), "--seconds", str(seconds))
    return {
        "rps": peak["rps"],
        "p50_ms": half["p50_ms"],
        "p99_ms": half["p99_ms"],
        "errors": peak["errors"] + half["errors"],
    }


def same_data(minqing: str, baseline: str, operation: Operation) -> bool:
    body = json.loads(body_of(operation))
    ours = httpx.post(minqing + "/graphql", json=body, headers=operation.headers).json()
    raw = httpx.post(baseline + operation.baseline_path, json=body).json()
    if ours.get("errors") or (operation.compare and ours.get("data") != raw.get("data")):
        print(json.dumps(ours, ensure_ascii=False)[:600], json.dumps(raw, ensure_ascii=False)[:600])
        return False
    return True


def run_database(database: Path, operations: list[Operation], seconds: float) -> list[Any]:
    database_url = f"sqlite://{database}"
    env = {"MINQING_DATABASE_URL": database_url, "MINQING_RATE_LIMIT_PER_SECOND": "0"}
    minqing, minqing_url = start("api.asgi:app", env)
    baseline, baseline_url = start("bench.baseline:app", {"BENCH_DATABASE": str(database)})
    rows = []
    try:
        for operation in operations:
            if not same_data(minqing_url, baseline_url, operation):
                raise SystemExit(f"{operation.name}: the baseline's data differs from minqing's")
            body = body_of(operation)
            ours = measure(minqing_url + "/graphql", body, seconds, operation.headers)
            raw = measure(baseline_url + operation.baseline_path, body, seconds, {})
            rows.append((operation.name, ours, raw))
    finally:
        for process in (minqing, baseline):
            process.terminate()
            process.wait(timeout=10)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--database", type=Path, default=ROOT / "data" / "bench.sqlite3")
    parser.add_argument("--communities", type=int, default=20)
    parser.add_argument(
        "--cases", default="", help="Comma-separated case counts, e.g. 10000,100000,1000000"
    )
    args = parser.parse_args()

    rows = []
    if args.cases:
        for count in [int(n) for n in args.cases.split(",")]:
            database = database_for(ROOT, count)
            token_file = database.with_suffix(".json")
            if not database.exists():
                database.parent.mkdir(parents=True, exist_ok=True)
                print(f"seeding {database} …", flush=True)
                started = time.monotonic()
                token_file.write_text(asyncio.run(seed_cases(f"sqlite://{database}", count)))
                print(f"seeded in {time.monotonic() - started:.0f} s", flush=True)
            operations = case_operations(token_file.read_text().strip())
            for name, ours, raw in run_database(database, operations, args.seconds):
                rows.append((f"{name} @ {count:,}", ours, raw))
    else:
        if not args.database.exists():
            print(f"seeding {args.database} …", flush=True)
            asyncio.run(seed(f"sqlite://{args.database}", args.communities))
        rows = run_database(args.database, OPERATIONS, args.seconds)

    print(
        f"\n{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}; {args.seconds:g} s per run\n"
    )
    print(
        "| operation | minqing req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, ours, raw in rows:
        print(
            f"| {name} | {ours['rps']:.0f} | {ours['p50_ms']:.1f} | {ours['p99_ms']:.1f} "
            f"| {raw['rps']:.0f} | {raw['p50_ms']:.1f} | {raw['p99_ms']:.1f} "
            f"| {ours['rps'] / raw['rps']:.0%} |"
        )
        if ours["errors"] or raw["errors"]:
            print(
                f"  (non-200 answers: minqing {ours['errors']:.0f}, baseline {raw['errors']:.0f})"
            )


if __name__ == "__main__":
    main()

"""Benchmark ``can()``'s enforcer with 20,000 role assignments and the full policy.

    .venv/bin/python bench/bench_enforce.py [--calls 60000] [--stock 300] [--seed 7]

Builds a tree of 10 streets x 10 communities x 4 areas x 9 grids x 4 micro-grids x 5
buildings, 20,000 assignments spread over it (15,000 residents, 4,000 workers, 900 cadres,
departments, tokens, admins), writes them with policy.csv to a temporary policy file, and
times the same mix of allowed and denied requests (grid paths of depth 3-6 and departments)
against that enforcer and against one holding only 100 of the assignments. ``--stock N``
also times N of the calls on pycasbin's stock domain role manager, without our row filter,
and checks that it decides exactly as ours does.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import casbin
from casbin.persist.adapters.asyncio import AsyncFileAdapter

from permissions.adapter import MODEL_FILE, POLICY_FILE, read_policy_file
from permissions.enforcer import PlaceEnforcer, build_enforcer, department_domain, domain_matches
from permissions.enums import Action, Resource, Role

Request = tuple[str, str, str, str]
Assignment = tuple[str, str, str]
FANOUT = (10, 10, 4, 9, 4, 5)  # street, community, area, grid, micro-grid, building
DEPARTMENTS = 20


@dataclass
class Tree:
    by_depth: dict[int, list[str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls) -> Tree:
        tree, next_id, level = cls(), 0, ["/"]
        for depth, fanout in enumerate(FANOUT, start=1):
            below = []
            for parent in level:
                for _ in range(fanout):
                    next_id += 1
                    path = f"{parent}{next_id}/"
                    tree.children.setdefault(parent, []).append(path)
                    below.append(path)
            tree.by_depth[depth] = below
            level = below
        return tree

    def inside(self, rng: random.Random, path: str) -> str:
        """A random place of depth 3-6 in ``path``'s subtree (``path`` itself if deep enough)."""
        depth, target = path.count("/") - 1, rng.randint(3, 6)
        while depth < target and path in self.children:
            path, depth = rng.choice(self.children[path]), depth + 1
        return path


def assignments(rng: random.Random, tree: Tree) -> list[Assignment]:
    spread = [
        (15_000, Role.RESIDENT, 6),
        (2_900, Role.MICRO_GRID_WORKER, 5),
        (1_100, Role.GRID_WORKER, 4),
        (800, Role.COMMUNITY_CADRE, 2),
        (100, Role.COMMUNITY_CADRE, 1),
    ]
    rows: list[Assignment] = []
    for count, role, depth in spread:
        for _ in range(count):  # one subject per assignment: len(rows) moves on every append
            rows.append((f"user:{len(rows) + 1}", role, rng.choice(tree.by_depth[depth])))
    for i in range(80):
        dept = department_domain(i % DEPARTMENTS + 1)
        rows.append((f"user:{len(rows) + 1}", Role.DEPARTMENT_RESPONDER, dept))
    for i in range(15):
        role = Role.RESIDENT if i % 2 else Role.GRID_WORKER
        rows.append((f"token:{i + 1}", role, rng.choice(tree.by_depth[2])))
    for _ in range(5):
        rows.append((f"user:{len(rows) + 1}", Role.ADMIN, "/"))
    return rows


def requests(rng: random.Random, tree: Tree, rows: list[Assignment], n: int) -> list[Request]:
    rules_of: dict[str, list[tuple[str, str]]] = {}
    for ptype, rule in read_policy_file():
        if ptype == "p":
            rules_of.setdefault(rule[0], []).append((rule[1], rule[2]))
    inherits = {Role.GRID_WORKER: Role.MICRO_GRID_WORKER, Role.COMMUNITY_CADRE: Role.GRID_WORKER}
    deep = [p for depth in (3, 4, 5, 6) for p in tree.by_depth[depth]]
    out: list[Request] = []
    for _ in range(n):
        subject, role, place = rng.choice(rows)
        if place.startswith("dept:"):
            dom = place if rng.random() < 0.7 else department_domain(rng.randint(1, DEPARTMENTS))
        elif rng.random() < 0.6:
            dom = tree.inside(rng, place)
        else:
            dom = rng.choice(deep)
        if rng.random() < 0.6 and (role in rules_of or role in inherits):
            pool = rules_of.get(role, []) + rules_of.get(inherits.get(role, ""), [])
            obj, act = rng.choice(pool)
        else:
            obj, act = rng.choice(list(Resource)).value, rng.choice(list(Action)).value
        out.append((subject, dom, obj, act))
    return out


def write_policy(rows: list[Assignment], directory: Path, name: str) -> Path:
    path = directory / name
    lines = [f"g, {subject}, {role}, {place}" for subject, role, place in rows]
    path.write_text(POLICY_FILE.read_text() + "\n".join(lines) + "\n")
    return path


async def load(path: Path) -> tuple[PlaceEnforcer, float]:
    started = time.perf_counter()
    enforcer = build_enforcer(AsyncFileAdapter(str(path)))
    await enforcer.load_policy()
    return enforcer, time.perf_counter() - started


def time_calls(
    enforcer: casbin.CoreEnforcer, reqs: list[Request], warm_up: int = 1000
) -> tuple[list[float], list[bool]]:
    for req in reqs[:warm_up]:
        enforcer.enforce(*req)
    latencies, decisions = [], []
    clock = time.perf_counter_ns
    for req in reqs:
        started = clock()
        decision = enforcer.enforce(*req)
        latencies.append((clock() - started) / 1000)
        decisions.append(decision)
    return latencies, decisions


def summary(label: str, latencies: list[float]) -> tuple[float, float, float]:
    ordered = sorted(latencies)
    p50 = statistics.median(ordered)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{label:<34} p50 {p50:8.1f} µs   p99 {p99:8.1f} µs   max {ordered[-1]:9.1f} µs")
    return p50, p99, ordered[-1]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=60_000)
    parser.add_argument("--stock", type=int, default=0, help="calls on stock pycasbin too")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    tree = Tree.build()
    rows = assignments(rng, tree)
    reqs = requests(rng, tree, rows, args.calls)
    baseline_rows = rng.sample(rows, 100)
    print(f"places: {sum(len(v) for v in tree.by_depth.values()):,}  assignments: {len(rows):,}")

    with tempfile.TemporaryDirectory() as tmp:
        big, big_load = await load(write_policy(rows, Path(tmp), "big.csv"))
        small, _ = await load(write_policy(baseline_rows, Path(tmp), "small.csv"))
        print(f"p rules: {len(big.get_policy())}  load of 20,000 assignments: {big_load:.2f} s")
        gc.collect()
        big_lat, decisions = time_calls(big, reqs)
        small_lat, _ = time_calls(small, reqs)
        print(f"calls: {len(reqs):,}  allowed: {sum(decisions) / len(decisions):.0%}")
        _, p99, _ = summary(f"{len(rows):,} assignments", big_lat)
        _, p99_small, _ = summary("100 assignments (baseline)", small_lat)
        print(f"p99 ratio 20,000 / 100: {p99 / p99_small:.2f}   p99 <= 1 ms: {p99 <= 1000}")

        if args.stock:
            stock = casbin.Enforcer(str(MODEL_FILE), str(Path(tmp) / "big.csv"))
            stock.add_named_domain_matching_func("g", domain_matches)
            sample = reqs[: args.stock]
            stock_lat, stock_decisions = time_calls(stock, sample, warm_up=0)
            summary(f"stock pycasbin, {len(sample)} calls", stock_lat)
            same = stock_decisions == decisions[: len(sample)]
            print(f"stock decisions identical to ours: {same}")


if __name__ == "__main__":
    asyncio.run(main())

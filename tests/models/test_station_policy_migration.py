"""Migration 0008 gives a database seeded before it the policy.csv change: cadres, not grid
workers, open, change and close stations; a database not yet seeded is left to the seed."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

from tortoise import connections

from models.auth_policy import PolicyRule

migration = importlib.import_module("migrations.0008_station_closed_at")


async def station_rules() -> list[tuple[str, str]]:
    rows = await PolicyRule.filter(ptype="p", v1="station").order_by("id").values_list("v0", "v2")
    return [(role, action) for role, action in rows]


async def run_migration_step() -> None:
    editor = SimpleNamespace(client=connections.get("default"))
    await migration.station_rules(None, editor)


async def test_a_seeded_database_gets_the_station_rules_once(db: str) -> None:
    await PolicyRule.all().delete()
    await PolicyRule.create(ptype="p", v0="resident", v1="station", v2="read")
    await PolicyRule.create(ptype="p", v0="grid_worker", v1="station", v2="create")
    await PolicyRule.create(ptype="p", v0="grid_worker", v1="station", v2="update")
    await PolicyRule.create(ptype="p", v0="community_cadre", v1="station", v2="update")

    await run_migration_step()
    await run_migration_step()

    assert await station_rules() == [
        ("resident", "read"),
        ("community_cadre", "update"),
        ("community_cadre", "create"),
        ("community_cadre", "close"),
    ]


async def test_an_unseeded_database_is_left_to_the_seed(db: str) -> None:
    await PolicyRule.all().delete()
    await run_migration_step()
    assert await PolicyRule.all().count() == 0

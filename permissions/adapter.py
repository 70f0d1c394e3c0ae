"""Our Casbin adapter over the ``casbin_rule`` table, and the seed of its ``p`` rules.

It implements pycasbin's ``AsyncAdapter``, so ``casbin.AsyncEnforcer`` awaits it for loading
and auto-saving while ``enforce`` itself stays synchronous. Every query is filtered by
``ptype``: removing permission rows never touches assignment rows and vice versa (the
``casbin-tortoise-adapter`` package gets this wrong, which is why we have our own).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from casbin.model import Model as CasbinModel
from casbin.persist.adapters import FileAdapter
from casbin.persist.adapters.asyncio import AsyncAdapter
from tortoise.functions import Count, Max
from tortoise.transactions import in_transaction

from models.auth_policy import PolicyRule

MODEL_FILE = Path(__file__).with_name("model.conf")
POLICY_FILE = Path(__file__).with_name("policy.csv")

_FIELDS = ("v0", "v1", "v2", "v3", "v4", "v5")
_SECTIONS = ("p", "g")


def _to_row(ptype: str, rule: Sequence[str]) -> PolicyRule:
    if len(rule) > len(_FIELDS):
        raise ValueError(f"a Casbin rule has at most {len(_FIELDS)} values, got {list(rule)}")
    return PolicyRule(ptype=ptype, **dict(zip(_FIELDS, rule, strict=False)))


def _exactly(rule: Sequence[str]) -> dict[str, str]:
    """Filters matching ``rule`` and nothing longer: unused trailing fields must be empty."""
    values = [*rule, *[""] * (len(_FIELDS) - len(rule))]
    return dict(zip(_FIELDS, values, strict=True))


def _rules_of(model: CasbinModel) -> Iterable[tuple[str, list[str]]]:
    for sec in _SECTIONS:
        for ptype, assertion in model.model.get(sec, {}).items():
            for rule in assertion.policy:
                yield ptype, rule


class TortoiseAdapter(AsyncAdapter):
    """Loads and saves Casbin rules as ``PolicyRule`` rows of the current Tortoise connection."""

    async def load_policy(self, model: CasbinModel) -> None:
        rows = await PolicyRule.all().order_by("id").values_list("ptype", *_FIELDS)
        for ptype, *values in rows:
            while values and values[-1] == "":
                values.pop()
            assertions = model.model.get(ptype[:1], {})
            if ptype in assertions:
                assertions[ptype].policy.append(values)

    async def save_policy(self, model: CasbinModel) -> bool:
        rows = [_to_row(ptype, rule) for ptype, rule in _rules_of(model)]
        async with in_transaction():
            await PolicyRule.all().delete()
            await PolicyRule.bulk_create(rows)
        return True

    async def add_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> bool:
        await _to_row(ptype, rule).save()
        return True

    async def add_policies(self, sec: str, ptype: str, rules: Sequence[Sequence[str]]) -> bool:
        async with in_transaction():
            await PolicyRule.bulk_create([_to_row(ptype, rule) for rule in rules])
        return True

    async def remove_policy(self, sec: str, ptype: str, rule: Sequence[str]) -> bool:
        deleted: int = await PolicyRule.filter(ptype=ptype, **_exactly(rule)).delete()
        return deleted > 0

    async def remove_policies(self, sec: str, ptype: str, rules: Sequence[Sequence[str]]) -> bool:
        deleted = 0
        async with in_transaction():
            for rule in rules:
                deleted += await PolicyRule.filter(ptype=ptype, **_exactly(rule)).delete()
        return deleted > 0

    async def remove_filtered_policy(
        self, sec: str, ptype: str, field_index: int, *field_values: str
    ) -> bool:
        """Delete the ``ptype`` rows whose fields from ``field_index`` on equal ``field_values``
        (an empty value matches anything, as in Casbin)."""
        if field_index < 0 or field_index + len(field_values) > len(_FIELDS):
            raise ValueError(f"no such fields: {field_index} + {len(field_values)} values")
        filters: dict[str, Any] = {
            _FIELDS[field_index + i]: value for i, value in enumerate(field_values) if value != ""
        }
        deleted: int = await PolicyRule.filter(ptype=ptype, **filters).delete()
        return deleted > 0


async def rules_fingerprint() -> tuple[int, int]:
    """(row count, highest id) of the table: it changes whenever a row is added or deleted."""
    rows = await PolicyRule.all().annotate(n=Count("id"), top=Max("id")).values("n", "top")
    return (rows[0]["n"] or 0, rows[0]["top"] or 0) if rows else (0, 0)


def read_policy_file(policy_file: Path = POLICY_FILE) -> list[tuple[str, list[str]]]:
    """The rules of a policy CSV as Casbin's own file adapter reads them (``#`` lines skipped)."""
    model = CasbinModel()
    model.load_model(str(MODEL_FILE))
    FileAdapter(str(policy_file)).load_policy(model)
    return list(_rules_of(model))


async def seed_policy_from_file(policy_file: Path = POLICY_FILE) -> int:
    """Insert the file's rules unless the table already has a ``p`` rule; return how many.

    Idempotent: once seeded, the rules are the database's (admins change them through the
    API), so running ``minqing migrate`` again leaves them alone.
    """
    if await PolicyRule.filter(ptype="p").exists():
        return 0
    rows = [_to_row(ptype, rule) for ptype, rule in read_policy_file(policy_file)]
    async with in_transaction():
        await PolicyRule.bulk_create(rows)
    return len(rows)

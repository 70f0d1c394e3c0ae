"""Our Casbin adapter: rules from the ``casbin_rule`` table, assignments from ``role_assignment``.

Role-level rules (``p``) and role inheritance (``g, role, inherited role, /``) are rows of
``casbin_rule``, seeded from ``policy.csv``. The ``g`` links of users and tokens are not
copied there: they are read from ``role_assignment`` at load time with each grid's *current*
path, so moving a subtree can never leave a stale place behind.

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

from models.auth import RoleAssignment
from models.auth_policy import PolicyRule
from models.grid import GridChange

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
        g = model.model.get("g", {}).get("g")
        if g is not None:
            g.policy.extend(await assignment_links())

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


async def assignment_links() -> list[list[str]]:
    """Every role assignment as a Casbin ``g`` link: [subject, role, place]."""
    rows = await RoleAssignment.all().select_related("grid").order_by("id")
    return [[assignment_subject(row), row.role.value, assignment_place(row)] for row in rows]


def assignment_subject(row: RoleAssignment) -> str:
    """``user:<id>`` or ``token:<id>``."""
    return f"user:{row.user_id}" if row.user_id is not None else f"token:{row.token_id}"


def assignment_place(row: RoleAssignment) -> str:
    """The Casbin domain of an assignment: a grid path, ``dept:<id>``, or ``/`` for everywhere."""
    if row.global_scope:
        return "/"
    if row.department_id is not None:
        return f"dept:{row.department_id}"
    assert row.grid is not None  # one of the three is always set
    return row.grid.path


async def _count_and_top(model: Any) -> tuple[int, int]:
    rows = await model.all().annotate(n=Count("id"), top=Max("id")).values("n", "top")
    return (rows[0]["n"] or 0, rows[0]["top"] or 0) if rows else (0, 0)


async def rules_fingerprint() -> tuple[int, ...]:
    """Changes whenever a rule or an assignment is added or deleted, or a grid moves: rows of
    these tables are inserted and deleted, never updated, and ids are never reused."""
    rules = await _count_and_top(PolicyRule)
    assignments = await _count_and_top(RoleAssignment)
    grid_changes = await _count_and_top(GridChange)
    return (*rules, *assignments, grid_changes[1])


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

"""Fuzzing: operations generated from the schema (hypothesis-graphql), sent anonymously and as
each role. No 5xx, every error either carries a machine code or is the masked message, and all
data is valid against the schema."""

from __future__ import annotations

import re
from typing import Any

import hypothesis.strategies as st
import pytest
from graphql import parse, print_ast
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis_graphql import from_schema, nodes

from models.enums import DepartmentKind
from models.org import Department
from permissions.enums import Role
from schema.masking import MASKED_CODE, MASKED_MESSAGE
from schema.schema import schema
from tests.fuzz.conformance import Checker, with_typenames
from tests.support.apps import app_with
from tests.support.factories import small_tree, user_with_role

EXAMPLES = 50
CODE = re.compile(r"[a-z][a-z0-9_]*")
# Who asks: (role, the place of small_tree it is held at; "department" for a department).
CALLERS: list[tuple[Role | None, str | None]] = [
    (None, None),
    (Role.RESIDENT, "north_building"),
    (Role.MICRO_GRID_WORKER, "north_grid"),
    (Role.GRID_WORKER, "north_grid"),
    (Role.COMMUNITY_CADRE, "north"),
    (Role.DEPARTMENT_RESPONDER, "department"),
    (Role.ADMIN, None),
]
SCALARS = {
    "DateTime": st.just("2026-01-01T08:00:00+08:00").map(nodes.String),
    "Date": st.sampled_from(["2026-01-01", "2026-02-30", "not-a-date"]).map(nodes.String),
    "JSON": st.just("{}").map(nodes.String),
}


def documents(example_seed: int) -> list[str]:
    """``EXAMPLES`` queries and mutations, the same for the same seed."""
    drawn: list[str] = []

    @seed(example_seed)
    @settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(schema._schema, custom_scalars=SCALARS))
    def collect(document: str) -> None:
        drawn.append(document)

    collect()
    return drawn


def problems_of(status: int, body: Any, document: str) -> list[str]:
    found: list[str] = []
    if status >= 500:
        found.append(f"HTTP {status}")
    for error in body.get("errors") or ():
        code = (error.get("extensions") or {}).get("code")
        if not isinstance(code, str) or not CODE.fullmatch(code):
            found.append(f"error without a code: {error}")
        elif code == MASKED_CODE and error["message"] != MASKED_MESSAGE:
            found.append(f"unmasked internal error: {error}")
    data = body.get("data")
    if data is None and not body.get("errors"):
        found.append("no data and no errors")
    if data is not None:
        found += Checker(schema._schema, parse(document)).check(data)
    return found


@pytest.mark.parametrize(
    ("role", "place"), CALLERS, ids=[role.value if role else "anonymous" for role, _ in CALLERS]
)
async def test_generated_operations_answer_well_formed(
    db: str, role: Role | None, place: str | None
) -> None:
    tree: dict[str, Any] = dict(await small_tree())
    tree["department"] = await Department.create(name="城管局", kind=DepartmentKind.GOVERNMENT)
    token = None
    if role is not None:
        _, token = await user_with_role(role, tree[place] if place else None)
    report: list[str] = []
    async with app_with(db, MINQING_RATE_LIMIT_PER_SECOND="0") as client:
        caller = client.as_(token)
        for generated in documents(example_seed=CALLERS.index((role, place))):
            document = print_ast(with_typenames(parse(generated)))
            response = await caller.post(document)
            body = response.json()
            report += [
                f"{p}\n  in {document}" for p in problems_of(response.status_code, body, document)
            ]
    assert report == []

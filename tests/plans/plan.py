"""One entry of the query-plan test: a GraphQL operation, who asks it, and what it may scan."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from models.auth import User
from permissions.enums import Role
from schema.relay import to_global_id

Seeded = dict[str, Any]
# A seed step: adds rows and returns the keys it adds (it sees what earlier steps seeded).
Seed = Callable[[Seeded], Awaitable[Seeded]]


@dataclass(frozen=True)
class PlanQuery:
    """One GraphQL operation and what it needs."""

    name: str
    query: str
    variables: Callable[[Seeded], dict[str, Any]] = lambda seeded: {}
    # Who asks: None for anonymous; a role held at ``place`` (a key of the seeded data).
    role: Role | None = None
    place: str | None = None
    # Run once the caller's account exists (its user id), e.g. to tie it to a seeded person.
    prepare: Callable[[Seeded, int], Awaitable[None]] | None = None
    # table -> why reading all of it is fine for this query
    allowed_scans: dict[str, str] = field(default_factory=dict)


def variables_of(**keys: str) -> Callable[[Seeded], dict[str, Any]]:
    """Variables taken from the seeded data: ``variables_of(id="north_id")``."""
    return lambda seeded: {name: seeded[key] for name, key in keys.items()}


def connection(
    name: str,
    field: str,
    nodes: str,
    *,
    args: str = "",
    ids: dict[str, str] | None = None,
    **options: Any,
) -> PlanQuery:
    """An entry asking ``field(args) { totalCount nodes { <nodes> } }``; ``ids`` maps each
    ``$variable`` (an ``ID!``) to the seeded key of its value."""
    ids = ids or {}
    head = "query(" + ", ".join(f"${var}: ID!" for var in ids) + ")" if ids else "query"
    call = f"{field}({args})" if args else field
    return PlanQuery(
        name,
        f"{head} {{ {call} {{ totalCount nodes {{ {nodes} }} }} }}",
        variables=variables_of(**ids),
        **options,
    )


def as_person(key: str) -> Callable[[Seeded, int], Awaitable[None]]:
    """A ``prepare`` that makes the caller the seeded person ``key`` (for their own rows)."""

    async def prepare(seeded: Seeded, user_id: int) -> None:
        await User.filter(id=user_id).update(person_id=seeded[key].id)

    return prepare


def by_global_id(
    name: str,
    fragments: str,
    objects: Callable[[Seeded], list[tuple[str, Any]]],
    **options: Any,
) -> PlanQuery:
    """An entry fetching seeded objects through ``nodes(ids:)``: ``objects`` gives each one's
    type name and row, ``fragments`` what to ask of each type."""
    return PlanQuery(
        name,
        f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ id {fragments} }} }}",
        variables=lambda seeded: {
            "ids": [to_global_id(kind, row.id) for kind, row in objects(seeded)]
        },
        **options,
    )

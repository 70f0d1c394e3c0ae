"""Relay conventions: the ``Node`` interface and opaque global IDs (``base64("Grid:12")``)."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import strawberry

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError


@strawberry.interface(description="An object with a stable, opaque global ID (Relay).")
class Node:
    id: strawberry.ID = strawberry.field(description="Opaque global ID; pass it to `node(id:)`.")


# The largest key an id column holds: ids are Tortoise IntFields, 32-bit on PostgreSQL.
MAX_PK = 2**31 - 1
CANONICAL_ID = re.compile(r"([A-Za-z][A-Za-z0-9]*):(0|[1-9][0-9]{0,18})", re.ASCII)


def to_global_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(base64.b64encode(f"{type_name}:{pk}".encode()).decode())


def parse_global_id(
    value: str, *, field: str, expected: str | tuple[str, ...] | None = None
) -> tuple[str, int]:
    """``(type_name, pk)`` of a global ID; a malformed or mistyped one names the input field.

    Only the form ``to_global_id`` writes is accepted: ``Grid:01``, ``Grid:+1``, ``Grid: 1`` or a
    fullwidth digit would otherwise name the same row as ``Grid:1`` (``int`` takes them all),
    and a key past the database's 64 bits would fail there, as an unexpected error."""
    try:
        decoded = base64.b64decode(value.encode(), validate=True).decode()
        match = CANONICAL_ID.fullmatch(decoded)
        if match is None or to_global_id(match[1], int(match[2])) != value:
            raise ValueError(decoded)
        type_name, pk = match[1], int(match[2])
        if pk > MAX_PK:
            raise ValueError(decoded)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValidationFailedError.one(
            field, f"{value[:100]!r} is not a valid ID", InputErrorCode.MALFORMED_ID
        ) from None
    wanted = (expected,) if isinstance(expected, str) else expected
    if wanted is not None and type_name not in wanted:
        raise ValidationFailedError.one(
            field,
            f"Expected the ID of a {' or '.join(wanted)}, got a {type_name}",
            InputErrorCode.WRONG_ID_TYPE,
        )
    return type_name, pk


def parse_pk(value: str, *, field: str, expected: str | tuple[str, ...]) -> int:
    return parse_global_id(value, field=field, expected=expected)[1]


# How `node(id:)` fetches each type: the resolver must apply the same visibility rule as the
# type's lists, returning None for an object the caller may not see.
NodeFetcher = Callable[[Any, list[int]], Awaitable[list[Any]]]


@dataclass(frozen=True)
class NodeKind:
    type_name: str
    fetch: NodeFetcher


NODE_KINDS: dict[str, NodeKind] = {}


def register_node(type_name: str, fetch: NodeFetcher) -> None:
    NODE_KINDS[type_name] = NodeKind(type_name=type_name, fetch=fetch)

"""``own`` filters for ``restrict()``: rows tied to the viewer's user or person, never to a
missing id (an API token has neither, and ``field = NULL`` must not match anything)."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from permissions.viewer import Viewer


def owned_by(
    viewer: Viewer, *, user_fields: tuple[str, ...] = (), person_fields: tuple[str, ...] = ()
) -> Q | None:
    values: list[dict[str, Any]] = []
    if viewer.user_id is not None:
        values += [{name: viewer.user_id} for name in user_fields]
    if viewer.person_id is not None:
        values += [{name: viewer.person_id} for name in person_fields]
    clauses = [Q(**value) for value in values]
    return Q(*clauses, join_type="OR") if clauses else None

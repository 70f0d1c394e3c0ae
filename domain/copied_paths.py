"""Rows that copy their place's path (for one-range subtree scoping) follow it when a subtree
moves or merges: called by the grid verbs inside their transaction. Cases copy their place's
ancestors as well (``models.cases.place_columns``)."""

from __future__ import annotations

from tortoise.models import Model

from domain.tree import subtree_filter
from models.cases import Case, place_columns
from models.lists import Need, ResourceOffer, ServiceOffer
from models.meetings import Meeting
from models.patrols import Patrol, PatrolFinding, Visit
from models.volunteering import Activity

COPIED_PATHS: tuple[tuple[type[Model], str], ...] = (
    (Need, "place_path"),
    (ResourceOffer, "place_path"),
    (ServiceOffer, "place_path"),
    (Patrol, "grid_path"),
    (PatrolFinding, "place_path"),
    (Visit, "place_path"),
    (Meeting, "place_path"),
    (Activity, "place_path"),
)


async def rewrite_copied_paths(old_prefix: str, new_prefix: str) -> int:
    """Re-root every copied path under ``old_prefix`` at ``new_prefix``; returns rows changed."""
    changed = 0
    for model, field in COPIED_PATHS:
        rows = await model.filter(**subtree_filter(field, old_prefix)).only("id", field)
        for row in rows:
            setattr(row, field, new_prefix + getattr(row, field)[len(old_prefix) :])
        if rows:
            await model.bulk_update(rows, fields=[field], batch_size=500)
        changed += len(rows)
    return changed + await _rewrite_case_places(old_prefix, new_prefix)


async def _rewrite_case_places(old_prefix: str, new_prefix: str) -> int:
    """Cases copy their place's ancestors too (``place_columns``): rewrite them all."""
    columns = list(place_columns(old_prefix))
    cases = await Case.filter(**subtree_filter("place_path", old_prefix)).only("id", *columns)
    for case in cases:
        moved = new_prefix + case.place_path[len(old_prefix) :]
        for name, value in place_columns(moved).items():
            setattr(case, name, value)
    if cases:
        await Case.bulk_update(cases, fields=columns, batch_size=500)
    return len(cases)

"""Rows that copy their place's path (for one-range subtree scoping) follow it when a subtree
moves or merges: called by the grid verbs inside their transaction."""

from __future__ import annotations

from tortoise.models import Model

from domain.tree import subtree_filter
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
    return changed

"""Which cases a viewer may see, and the rows that follow a case.

Residents see the cases they reported (and the originals their duplicates were merged into);
workers and cadres the cases of their subtree; department responders the cases dispatched to
their department. Everyone sees the public board: cases whose result has been given.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from models.case_records import (
    CaseAttachment,
    CaseDispatch,
    CaseEvent,
    CaseExtension,
    CaseRating,
)
from models.cases import Case, depth_column
from models.enums import PUBLIC_CASE_STATES
from permissions.enums import Action, Resource
from permissions.rows.registry import board_rows, child_rows, rule
from permissions.scope import among, scope_clauses
from permissions.viewer import Viewer


def own_cases(viewer: Viewer) -> list[Q] | None:
    """The cases the viewer reported, and the originals their duplicates joined."""
    if viewer.person_id is None:
        return None
    merged = Case.filter(reporter_id=viewer.person_id, merged_into_id__isnull=False)
    return [Q(reporter_id=viewer.person_id), among("id", merged.values("merged_into_id"))]


def _dispatched_to(department_ids: list[int]) -> Q:
    return among("id", CaseDispatch.filter(department_id__in=department_ids).values("case_id"))


def case_place(low: str, high: str) -> Q:
    """The cases in the subtree ``[low, high)`` (a ``PlacePath``; ``low`` is the subtree's
    own path): by the indexed ancestor column of its node when it is shallow enough, so a
    page of them costs the same at any size, else by the path range."""
    ids = [int(part) for part in low.split("/") if part]
    column = depth_column(len(ids) - 1)
    if column is not None:
        same_ancestor: dict[str, Any] = {column: ids[-1]}
        return Q(**same_ancestor)
    return Q(place_path__gte=low, place_path__lt=high)


@rule(Case)
def visible_cases(viewer: Viewer) -> list[Q] | None:
    """The clauses of the cases ``viewer`` may see (None: all of them)."""
    return scope_clauses(
        viewer,
        Resource.CASE,
        place_path=case_place,
        own=own_cases(viewer),
        department_filter=_dispatched_to,
        action=Action.READ,
    )


board_rows(Case, Q(state__in=sorted(PUBLIC_CASE_STATES)))
for _record in (CaseEvent, CaseDispatch, CaseAttachment, CaseExtension, CaseRating):
    child_rows(_record, Case, "case_id")

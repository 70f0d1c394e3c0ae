"""Which patrols, findings and visits a caller may see."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from models.patrols import Patrol, PatrolFinding, Visit
from permissions.enums import Resource
from permissions.ownership import owned_by
from permissions.scope import restrict
from permissions.viewer import Viewer


def visible_patrols(viewer: Viewer) -> QuerySet[Patrol]:
    return restrict(
        Patrol.all(),
        viewer,
        Resource.PATROL,
        place_path="grid_path",
        own=owned_by(viewer, user_fields=("worker_user_id",)),
    )


def visible_findings(viewer: Viewer) -> QuerySet[PatrolFinding]:
    return restrict(
        PatrolFinding.all(),
        viewer,
        Resource.PATROL,
        place_path="place_path",
        own=owned_by(viewer, user_fields=("patrol__worker_user_id",)),
    )


def visible_visits(viewer: Viewer) -> QuerySet[Visit]:
    own = owned_by(
        viewer, user_fields=("visitor_user_id",), person_fields=("visitor_person_id", "person_id")
    )
    return restrict(Visit.all(), viewer, Resource.VISIT, place_path="place_path", own=own)

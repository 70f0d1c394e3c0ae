"""Which meetings, patrols, findings, visits, activities and sign-ups a viewer may see."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from models.meetings import AgendaItem, Decision, Meeting, MeetingAttendee
from models.patrols import Patrol, PatrolFinding, Visit
from models.volunteering import Activity, ActivitySignUp, SignUpEvent
from permissions.enums import Action, Resource
from permissions.ownership import owned_by
from permissions.rows.registry import child_rows, public_rows, rule
from permissions.scope import among, scope_clauses
from permissions.viewer import Viewer


@rule(Meeting)
def meetings(viewer: Viewer) -> list[Q] | None:
    own = owned_by(viewer, user_fields=("organiser_user_id",))
    return scope_clauses(viewer, Resource.MEETING, place_path="place_path", own=own)


for _item in (MeetingAttendee, AgendaItem, Decision):
    child_rows(_item, Meeting, "meeting_id")


@rule(Patrol)
def patrols(viewer: Viewer) -> list[Q] | None:
    own = owned_by(viewer, user_fields=("worker_user_id",))
    return scope_clauses(viewer, Resource.PATROL, place_path="grid_path", own=own)


@rule(PatrolFinding)
def findings(viewer: Viewer) -> list[Q] | None:
    own = owned_by(viewer, user_fields=("patrol__worker_user_id",))
    return scope_clauses(viewer, Resource.PATROL, place_path="place_path", own=own)


@rule(Visit)
def visits(viewer: Viewer) -> list[Q] | None:
    own = owned_by(
        viewer, user_fields=("visitor_user_id",), person_fields=("visitor_person_id", "person_id")
    )
    return scope_clauses(viewer, Resource.VISIT, place_path="place_path", own=own)


# Activities are announced to everyone: they exist to be signed up to.
public_rows(Activity)


def _of_activities(**conditions: Any) -> Q:
    """Sign-ups of the activities meeting ``conditions``, as a condition on the sign-up's own
    ``activity_id``: ``OR``ed with the caller's own sign-ups, each side still uses an index
    (a condition on the joined activity makes the databases read every sign-up)."""
    return among("activity_id", Activity.filter(**conditions).values("id"))


def _held_in(low: str, high: str) -> Q:
    return _of_activities(place_path__gte=low, place_path__lt=high)


@rule(ActivitySignUp)
def sign_ups(viewer: Viewer) -> list[Q] | None:
    """Who signed up: the organisers and workers of the place, the organiser, and oneself."""
    clauses = [owned_by(viewer, user_fields=("user_id",), person_fields=("person_id",))]
    if viewer.user_id is not None:
        clauses.append(_of_activities(organiser_user_id=viewer.user_id))
    own = [c for c in clauses if c is not None]
    return scope_clauses(
        viewer,
        Resource.ACTIVITY,
        place_path=_held_in,
        own=Q(*own, join_type="OR") if own else None,
        action=Action.READ_PERSONAL,
    )


child_rows(SignUpEvent, ActivitySignUp, "sign_up_id")

"""Which activities and sign-ups a caller may see."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.volunteering import Activity, ActivitySignUp
from permissions.enums import Action, Resource
from permissions.ownership import owned_by
from permissions.scope import among, restrict
from permissions.viewer import Viewer


def visible_activities(viewer: Viewer) -> QuerySet[Activity]:
    """Activities are announced to everyone: they exist to be signed up to."""
    return Activity.all()


def _of_activities(**conditions: Any) -> Q:
    """Sign-ups of the activities meeting ``conditions``, as a condition on the sign-up's own
    ``activity_id``: ``OR``ed with the caller's own sign-ups, each side still uses an index
    (a condition on the joined activity makes the databases read every sign-up)."""
    return among("activity_id", Activity.filter(**conditions).values("id"))


def _held_in(low: str, high: str) -> Q:
    return _of_activities(place_path__gte=low, place_path__lt=high)


def visible_sign_ups(viewer: Viewer) -> QuerySet[ActivitySignUp]:
    """Who signed up: the organisers and workers of the place, the organiser, and oneself."""
    clauses = [owned_by(viewer, user_fields=("user_id",), person_fields=("person_id",))]
    if viewer.user_id is not None:
        clauses.append(_of_activities(organiser_user_id=viewer.user_id))
    own = [c for c in clauses if c is not None]
    return restrict(
        ActivitySignUp.all(),
        viewer,
        Resource.ACTIVITY,
        place_path=_held_in,
        own=Q(*own, join_type="OR") if own else None,
        action=Action.READ_PERSONAL,
    )

"""Which activities and sign-ups a caller may see."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from models.volunteering import Activity, ActivitySignUp
from permissions.enums import Action, Resource
from permissions.ownership import owned_by
from permissions.scope import restrict
from permissions.viewer import Viewer


def visible_activities(viewer: Viewer) -> QuerySet[Activity]:
    """Activities are announced to everyone: they exist to be signed up to."""
    return Activity.all()


def visible_sign_ups(viewer: Viewer) -> QuerySet[ActivitySignUp]:
    """Who signed up: the organisers and workers of the place, the organiser, and oneself."""
    own = owned_by(
        viewer, user_fields=("activity__organiser_user_id", "user_id"), person_fields=("person_id",)
    )
    return restrict(
        ActivitySignUp.all(),
        viewer,
        Resource.ACTIVITY,
        place_path="activity__place_path",
        own=own,
        action=Action.READ_PERSONAL,
    )

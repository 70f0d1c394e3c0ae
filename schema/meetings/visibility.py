"""Which meetings a caller may see; attendees, agenda and decisions follow their meeting."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from models.meetings import Meeting
from permissions.enums import Resource
from permissions.ownership import owned_by
from permissions.scope import restrict
from permissions.viewer import Viewer


def visible_meetings(viewer: Viewer) -> QuerySet[Meeting]:
    return restrict(
        Meeting.all(),
        viewer,
        Resource.MEETING,
        place_path="place_path",
        own=owned_by(viewer, user_fields=("organiser_user_id",)),
    )

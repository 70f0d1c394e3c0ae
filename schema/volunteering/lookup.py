"""Fetching the activity or sign-up a mutation's input names, and who may act on a sign-up."""

from __future__ import annotations

from domain.errors import NotFoundError
from models.volunteering import Activity, ActivitySignUp
from permissions.enums import Action, Resource
from permissions.rows import visible
from schema.context import Info
from schema.guards import require
from schema.relay import parse_pk


async def activity_for(info: Info, global_id: str, *, field: str) -> Activity:
    pk = parse_pk(global_id, field=field, expected="Activity")
    row = await visible(Activity, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("Activity", global_id, field=field)
    return row


async def sign_up_to_change(
    info: Info, global_id: str, *, field: str
) -> tuple[ActivitySignUp, Activity]:
    """A sign-up the caller sees; its own person, the organiser, or the place's workers act on it."""
    pk = parse_pk(global_id, field=field, expected="ActivitySignUp")
    row = await visible(ActivitySignUp, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("ActivitySignUp", global_id, field=field)
    activity = await Activity.get(id=row.activity_id)
    viewer = info.context.viewer
    is_own = viewer.person_id is not None and viewer.person_id == row.person_id
    if not is_own and activity.organiser_user_id != viewer.user_id:
        require(info, Resource.ACTIVITY, Action.UPDATE, activity.place_path)
    return row, activity

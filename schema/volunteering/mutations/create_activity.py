"""createActivity: announce a volunteer activity; its creator organises it and verifies hours."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from domain.errors import PermissionDeniedError
from domain.volunteering import create_activity
from models.enums import ListCategory
from models.org import VolunteerTeam
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lists.lookup import row_for
from schema.lookup import visible_grid
from schema.volunteering.types import ActivityType


@strawberry.input(description="A new volunteer activity.")
class CreateActivityInput:
    title: str = strawberry.field(description="Title.")
    description: str = strawberry.field(default="", description="What volunteers will do.")
    category: ListCategory = strawberry.field(
        default=ListCategory.OTHER, description="What it is about."
    )
    starts_at: datetime = strawberry.field(description="When it starts.")
    ends_at: datetime = strawberry.field(description="When it ends.")
    place_id: strawberry.ID = strawberry.field(description="Where.")
    capacity: int = strawberry.field(description="How many may sign up.")
    team_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organising team."
    )


@strawberry.type(description="The activity was announced.")
class ActivityCreated:
    activity: ActivityType = strawberry.field(description="The activity.")


CreateActivityResult = Annotated[
    ActivityCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateActivityResult", description="The result of createActivity."),
]


async def create_activity_mutation(info: Info, input: CreateActivityInput) -> CreateActivityResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.ACTIVITY, Action.CREATE, place.path)
    team = (
        await row_for(VolunteerTeam, "VolunteerTeam", input.team_id, field="teamId")
        if input.team_id
        else None
    )
    user_id = info.context.viewer.user_id
    if user_id is None:
        raise PermissionDeniedError("An activity is organised by a person's account")
    activity = await create_activity(
        title=input.title,
        description=input.description,
        category=input.category,
        starts_at=input.starts_at,
        ends_at=input.ends_at,
        place=place,
        capacity=input.capacity,
        team=team,
        organiser_user_id=user_id,
    )
    return ActivityCreated(activity=ActivityType.from_model(activity))

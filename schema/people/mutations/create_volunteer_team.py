"""createVolunteerTeam: a volunteer team based in a place."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import create_volunteer_team as create_volunteer_team_verb
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.org_types import VolunteerTeamType


@strawberry.input(description="A new volunteer team.")
class CreateVolunteerTeamInput:
    name: str = strawberry.field(description="Team name, unique in its place.")
    place_id: strawberry.ID = strawberry.field(description="The place it is based in.")
    description: str = strawberry.field(default="", description="What the team does.")


@strawberry.type(description="The volunteer team was created.")
class VolunteerTeamCreated:
    volunteer_team: VolunteerTeamType = strawberry.field(description="The new team.")


CreateVolunteerTeamResult = Annotated[
    VolunteerTeamCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateVolunteerTeamResult", description="The result of createVolunteerTeam."),
]


async def create_volunteer_team(
    info: Info, input: CreateVolunteerTeamInput
) -> CreateVolunteerTeamResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.VOLUNTEER_TEAM, Action.CREATE, place.path)
    team = await create_volunteer_team_verb(
        name=input.name, place=place, description=input.description, actor=info.context.viewer
    )
    return VolunteerTeamCreated(volunteer_team=VolunteerTeamType.from_model(team))

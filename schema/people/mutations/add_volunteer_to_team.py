"""addVolunteerToTeam: a volunteer joins a team."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import add_team_member
from models.org import Volunteer, VolunteerTeam
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.org_types import VolunteerTeamType
from schema.people.types import place_of
from schema.visibility import visible_object


@strawberry.input(description="A volunteer joining a team.")
class AddVolunteerToTeamInput:
    team_id: strawberry.ID = strawberry.field(description="The team.")
    volunteer_id: strawberry.ID = strawberry.field(description="The volunteer.")


@strawberry.type(description="The volunteer joined the team.")
class VolunteerAddedToTeam:
    volunteer_team: VolunteerTeamType = strawberry.field(description="The team.")


AddVolunteerToTeamResult = Annotated[
    VolunteerAddedToTeam | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("AddVolunteerToTeamResult", description="The result of addVolunteerToTeam."),
]


async def add_volunteer_to_team(
    info: Info, input: AddVolunteerToTeamInput
) -> AddVolunteerToTeamResult:
    team = await visible_object(info, VolunteerTeam, input.team_id, field="teamId")
    volunteer = await visible_object(info, Volunteer, input.volunteer_id, field="volunteerId")
    require(
        info, Resource.VOLUNTEER_TEAM, Action.UPDATE, (await place_of(info, team.place_id)).path
    )
    await add_team_member(team=team, volunteer=volunteer, actor=info.context.viewer)
    return VolunteerAddedToTeam(volunteer_team=VolunteerTeamType.from_model(team))

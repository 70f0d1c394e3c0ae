"""registerVolunteer: a person (often oneself) signs up as a volunteer."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import register_volunteer as register_volunteer_verb
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.org_types import VolunteerType
from schema.people.types import place_of
from schema.visibility import visible_object


@strawberry.input(description="A person registering as a volunteer.")
class RegisterVolunteerInput:
    person_id: strawberry.ID = strawberry.field(description="The person (yourself, for residents).")
    skills: list[str] = strawberry.field(
        default_factory=list, description="Skills, e.g. 理发, 维修 (at most 20)."
    )
    availability: str = strawberry.field(default="", description="When they can help.")


@strawberry.type(description="The volunteer was registered.")
class VolunteerRegistered:
    volunteer: VolunteerType = strawberry.field(description="The new volunteer record.")


RegisterVolunteerResult = Annotated[
    VolunteerRegistered | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RegisterVolunteerResult", description="The result of registerVolunteer."),
]


async def register_volunteer(info: Info, input: RegisterVolunteerInput) -> RegisterVolunteerResult:
    person = await visible_object(info, Person, input.person_id, field="personId")
    require(info, Resource.VOLUNTEER, Action.CREATE, (await place_of(info, person.place_id)).path)
    volunteer = await register_volunteer_verb(
        person=person,
        skills=input.skills,
        availability=input.availability,
        actor=info.context.viewer,
    )
    return VolunteerRegistered(volunteer=VolunteerType.from_model(volunteer))

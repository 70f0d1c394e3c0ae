"""createPerson: record a resident, in a household or directly at a place."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from domain.people import create_person as create_person_verb
from models.enums import Gender, HouseholdRelation, KeyGroup
from models.people import Household
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.types import PersonType, place_of
from schema.visibility import visible_object


@strawberry.input(description="A new person: give a household, or a place for someone without one.")
class CreatePersonInput:
    name: str = strawberry.field(description="Full name.")
    household_id: strawberry.ID | None = strawberry.field(
        default=None, description="Their household; they then live in its building."
    )
    relation: HouseholdRelation | None = strawberry.field(
        default=None, description="Relation to the household head (required with a household)."
    )
    place_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where they live, when they have no household."
    )
    phone: str = strawberry.field(default="", description="Mobile or landline number.")
    gender: Gender = strawberry.field(default=Gender.UNKNOWN, description="Gender.")
    birth_year: int | None = strawberry.field(default=None, description="Year of birth.")
    key_groups: list[KeyGroup] = strawberry.field(
        default_factory=list, description="Key groups (六访) they belong to."
    )


@strawberry.type(description="The person was recorded.")
class PersonCreated:
    person: PersonType = strawberry.field(description="The new person.")


CreatePersonResult = Annotated[
    PersonCreated | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union("CreatePersonResult", description="The result of createPerson."),
]


async def create_person(info: Info, input: CreatePersonInput) -> CreatePersonResult:
    household = None
    if input.household_id is not None:
        household = await visible_object(info, Household, input.household_id, field="householdId")
        place = await place_of(info, household.building_id)
    elif input.place_id is not None:
        place = await visible_grid(info, input.place_id, field="placeId")
    else:
        raise ValidationFailedError.one(
            "placeId", "Give a household or a place", InputErrorCode.REQUIRED
        )
    require(info, Resource.PERSON, Action.CREATE, place.path)
    person = await create_person_verb(
        name=input.name,
        place=place,
        phone=input.phone,
        gender=input.gender,
        birth_year=input.birth_year,
        household=household,
        relation=input.relation,
        tags=input.key_groups,
        actor=info.context.viewer,
    )
    return PersonCreated(person=PersonType.from_model(person))

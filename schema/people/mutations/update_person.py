"""updatePerson: change a person's record; omitted fields stay as they are."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from domain.people import UNSET
from domain.people import update_person as update_person_verb
from models.enums import Gender, HouseholdRelation
from models.people import Household, Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.types import PersonType, place_of
from schema.visibility import visible_object


@strawberry.input(description="Changes to a person; leave a field out to keep it.")
class UpdatePersonInput:
    id: strawberry.ID = strawberry.field(description="The person.")
    name: str | None = strawberry.field(default=None, description="New full name.")
    phone: str | None = strawberry.field(default=None, description="New phone ('' to clear).")
    gender: Gender | None = strawberry.field(default=None, description="New gender.")
    birth_year: int | None = strawberry.field(
        default=strawberry.UNSET, description="New year of birth (null to clear)."
    )
    household_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Move into this household (null: leave their household).",
    )
    relation: HouseholdRelation | None = strawberry.field(
        default=strawberry.UNSET, description="New relation to the household head."
    )


@strawberry.type(description="The person was changed.")
class PersonUpdated:
    person: PersonType = strawberry.field(description="The person as now recorded.")


UpdatePersonResult = Annotated[
    PersonUpdated | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union("UpdatePersonResult", description="The result of updatePerson."),
]


def _given(value: Any) -> Any:
    return UNSET if value is strawberry.UNSET else value


async def update_person(info: Info, input: UpdatePersonInput) -> UpdatePersonResult:
    person = await visible_object(info, Person, input.id, field="id")
    require(info, Resource.PERSON, Action.UPDATE, (await place_of(info, person.place_id)).path)
    household: Any = _given(input.household_id)
    if household is not UNSET and household is not None:
        household = await visible_object(info, Household, household, field="householdId")
        target = await place_of(info, household.building_id)
        require(info, Resource.PERSON, Action.UPDATE, target.path)
    updated = await update_person_verb(
        person=person,
        name=input.name,
        phone=input.phone,
        gender=input.gender,
        birth_year=_given(input.birth_year),
        household=household,
        relation=_given(input.relation),
        actor=info.context.viewer,
    )
    return PersonUpdated(person=PersonType.from_model(updated))

"""setPersonKeyGroups: replace a person's key-group tags (六访)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.people import set_person_tags
from models.enums import KeyGroup
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.types import PersonType, place_of
from schema.visibility import visible_object


@strawberry.input(description="The key groups a person belongs to, replacing the current ones.")
class SetPersonKeyGroupsInput:
    person_id: strawberry.ID = strawberry.field(description="The person.")
    key_groups: list[KeyGroup] = strawberry.field(description="Every group they belong to now.")


@strawberry.type(description="The person's key groups were replaced.")
class PersonKeyGroupsSet:
    person: PersonType = strawberry.field(description="The person.")


SetPersonKeyGroupsResult = Annotated[
    PersonKeyGroupsSet | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union("SetPersonKeyGroupsResult", description="The result of setPersonKeyGroups."),
]


async def set_person_key_groups(
    info: Info, input: SetPersonKeyGroupsInput
) -> SetPersonKeyGroupsResult:
    person = await visible_object(info, Person, input.person_id, field="personId")
    require(info, Resource.PERSON, Action.UPDATE, (await place_of(info, person.place_id)).path)
    await set_person_tags(person=person, tags=input.key_groups, actor=info.context.viewer)
    return PersonKeyGroupsSet(person=PersonType.from_model(person))

"""setContactHouseholds: the households a party member is linked to (联系户)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import set_contact_households as set_contact_households_verb
from models.org import PartyMember
from models.people import Household, Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.org_types import PartyMemberType
from schema.people.types import place_of
from schema.visibility import visible_object


@strawberry.input(description="A party member's contact households, replacing the current ones.")
class SetContactHouseholdsInput:
    party_member_id: strawberry.ID = strawberry.field(description="The party member.")
    household_ids: list[strawberry.ID] = strawberry.field(
        description="Every household they are linked to now (at most 15)."
    )


@strawberry.type(description="The contact households were replaced.")
class ContactHouseholdsSet:
    party_member: PartyMemberType = strawberry.field(description="The party member.")


SetContactHouseholdsResult = Annotated[
    ContactHouseholdsSet | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union(
        "SetContactHouseholdsResult", description="The result of setContactHouseholds."
    ),
]


async def set_contact_households(
    info: Info, input: SetContactHouseholdsInput
) -> SetContactHouseholdsResult:
    member = await visible_object(info, PartyMember, input.party_member_id, field="partyMemberId")
    person = await info.context.loaders.by_id(Person).load(member.person_id)
    assert person is not None  # a foreign key
    require(
        info, Resource.PARTY_MEMBER, Action.UPDATE, (await place_of(info, person.place_id)).path
    )
    households = [
        await visible_object(info, Household, hid, field=f"householdIds.{i}")
        for i, hid in enumerate(input.household_ids)
    ]
    await set_contact_households_verb(
        member=member, households=households, actor=info.context.viewer
    )
    return ContactHouseholdsSet(party_member=PartyMemberType.from_model(member))

"""registerPartyMember: record a person as a member of a branch (and their 双报到)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.organisation import register_party_member as register_party_member_verb
from models.org import PartyBranch
from models.people import Person
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.people.org_types import PartyMemberType
from schema.people.types import place_of
from schema.visibility import visible_object


@strawberry.input(description="A person joining a branch's roll.")
class RegisterPartyMemberInput:
    person_id: strawberry.ID = strawberry.field(description="The person.")
    branch_id: strawberry.ID = strawberry.field(description="Their branch.")
    joined_on: date | None = strawberry.field(
        default=None, description="When they joined the party."
    )
    workplace_organisation: str = strawberry.field(
        default="", description="Their workplace party organisation, if they reported in (双报到)."
    )
    is_central_household: bool = strawberry.field(
        default=False, description="A central household (中心户)."
    )


@strawberry.type(description="The party member was registered.")
class PartyMemberRegistered:
    party_member: PartyMemberType = strawberry.field(description="The new member record.")


RegisterPartyMemberResult = Annotated[
    PartyMemberRegistered | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("RegisterPartyMemberResult", description="The result of registerPartyMember."),
]


async def register_party_member(
    info: Info, input: RegisterPartyMemberInput
) -> RegisterPartyMemberResult:
    person = await visible_object(info, Person, input.person_id, field="personId")
    branch = await visible_object(info, PartyBranch, input.branch_id, field="branchId")
    require(
        info, Resource.PARTY_MEMBER, Action.CREATE, (await place_of(info, person.place_id)).path
    )
    member = await register_party_member_verb(
        person=person,
        branch=branch,
        joined_on=input.joined_on,
        workplace_organisation=input.workplace_organisation,
        is_central_household=input.is_central_household,
        actor=info.context.viewer,
    )
    return PartyMemberRegistered(party_member=PartyMemberType.from_model(member))

"""Minimal references to people and organisations, until the people area's own GraphQL types
land: a global ID string and a name, with the phone masked unless the caller may see it."""

from __future__ import annotations

import strawberry

from domain.validation import mask_phone
from models.people import Person
from schema.relay import to_global_id


@strawberry.type(description="A person, by global ID and name (the full Person type is separate).")
class PersonRef:
    id: strawberry.ID = strawberry.field(description="The person's global ID (`Person:<id>`).")
    name: str = strawberry.field(description="Full name.")
    phone: str = strawberry.field(description="Phone number, masked unless you may see it.")

    @classmethod
    def from_model(cls, row: Person, *, personal: bool) -> PersonRef:
        return cls(
            id=to_global_id("Person", row.id),
            name=row.name,
            phone=row.phone if personal else mask_phone(row.phone),
        )


@strawberry.type(
    description="An organisation or person acting in a list: a party member, a volunteer, a team or a unit."
)
class ActorRef:
    id: strawberry.ID = strawberry.field(
        description="Global ID: `PartyMember:`, `Volunteer:`, `VolunteerTeam:` or `CoBuildingUnit:`."
    )
    name: str = strawberry.field(description="Name of the person, team or unit.")

"""The people area's mutations, one per module, collected for the root Mutation."""

from __future__ import annotations

import strawberry

from schema.people.mutations.add_volunteer_to_team import add_volunteer_to_team
from schema.people.mutations.assign_worker import assign_worker
from schema.people.mutations.create_co_building_unit import create_co_building_unit
from schema.people.mutations.create_household import create_household
from schema.people.mutations.create_party_branch import create_party_branch
from schema.people.mutations.create_person import create_person
from schema.people.mutations.create_volunteer_team import create_volunteer_team
from schema.people.mutations.end_worker_assignment import end_worker_assignment
from schema.people.mutations.register_party_member import register_party_member
from schema.people.mutations.register_volunteer import register_volunteer
from schema.people.mutations.set_contact_households import set_contact_households
from schema.people.mutations.set_person_key_groups import set_person_key_groups
from schema.people.mutations.update_person import update_person


@strawberry.type
class PeopleMutations:
    create_household = strawberry.mutation(
        resolver=create_household, description="Record a household at a door of a building."
    )
    create_person = strawberry.mutation(resolver=create_person, description="Record a person.")
    update_person = strawberry.mutation(
        resolver=update_person, description="Change a person's record."
    )
    set_person_key_groups = strawberry.mutation(
        resolver=set_person_key_groups, description="Replace a person's key groups (六访)."
    )
    create_party_branch = strawberry.mutation(
        resolver=create_party_branch, description="Create a party branch serving grids."
    )
    register_party_member = strawberry.mutation(
        resolver=register_party_member, description="Register a party member (and 双报到)."
    )
    set_contact_households = strawberry.mutation(
        resolver=set_contact_households,
        description="Replace a party member's contact households (联系户).",
    )
    register_volunteer = strawberry.mutation(
        resolver=register_volunteer, description="Register a person as a volunteer."
    )
    create_volunteer_team = strawberry.mutation(
        resolver=create_volunteer_team, description="Create a volunteer team."
    )
    add_volunteer_to_team = strawberry.mutation(
        resolver=add_volunteer_to_team, description="Add a volunteer to a team."
    )
    create_co_building_unit = strawberry.mutation(
        resolver=create_co_building_unit, description="Record a co-building unit (共建单位)."
    )
    assign_worker = strawberry.mutation(
        resolver=assign_worker, description="Put a worker in a post at a place."
    )
    end_worker_assignment = strawberry.mutation(
        resolver=end_worker_assignment, description="End a worker's post."
    )

"""Mutations of volunteering, one per file, composed here."""

from __future__ import annotations

import strawberry

from schema.volunteering.mutations.cancel_sign_up import cancel_sign_up_mutation
from schema.volunteering.mutations.check_in import check_in_mutation
from schema.volunteering.mutations.check_out import check_out_mutation
from schema.volunteering.mutations.create_activity import create_activity_mutation
from schema.volunteering.mutations.sign_up import sign_up_mutation
from schema.volunteering.mutations.verify_hours import verify_hours_mutation


@strawberry.type
class VolunteeringMutations:
    create_activity = strawberry.mutation(
        resolver=create_activity_mutation, description="Announce a volunteer activity."
    )
    sign_up = strawberry.mutation(resolver=sign_up_mutation, description="Sign up to an activity.")
    check_in = strawberry.mutation(resolver=check_in_mutation, description="Arrive at an activity.")
    check_out = strawberry.mutation(resolver=check_out_mutation, description="Leave an activity.")
    verify_hours = strawberry.mutation(
        resolver=verify_hours_mutation, description="The organiser verifies a sign-up's hours."
    )
    cancel_sign_up = strawberry.mutation(
        resolver=cancel_sign_up_mutation, description="Give a place up before checking in."
    )

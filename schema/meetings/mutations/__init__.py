"""Mutations of deliberation meetings, one per file, composed here."""

from __future__ import annotations

import strawberry

from schema.meetings.mutations.add_agenda_item import add_agenda_item_mutation
from schema.meetings.mutations.create_meeting import create_meeting_mutation
from schema.meetings.mutations.record_decision import record_decision_mutation
from schema.meetings.mutations.turn_decision_into_case import turn_decision_into_case_mutation
from schema.meetings.mutations.write_minutes import write_minutes_mutation


@strawberry.type
class MeetingMutations:
    create_meeting = strawberry.mutation(
        resolver=create_meeting_mutation, description="Call a deliberation meeting (议事会)."
    )
    add_agenda_item = strawberry.mutation(
        resolver=add_agenda_item_mutation, description="Put a need or case on the agenda."
    )
    record_decision = strawberry.mutation(
        resolver=record_decision_mutation, description="Record a decision; it may post a need."
    )
    write_minutes = strawberry.mutation(
        resolver=write_minutes_mutation, description="Record the minutes."
    )
    turn_decision_into_case = strawberry.mutation(
        resolver=turn_decision_into_case_mutation,
        description="Turn a decision with an owner and a deadline into a new case, or an update"
        " of the case it is about; linked both ways.",
    )

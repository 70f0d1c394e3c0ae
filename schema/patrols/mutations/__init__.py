"""Mutations of patrols and visits, one per file, composed here."""

from __future__ import annotations

import strawberry

from schema.patrols.mutations.end_patrol import end_patrol_mutation
from schema.patrols.mutations.record_finding import record_finding_mutation
from schema.patrols.mutations.record_visit import record_visit_mutation
from schema.patrols.mutations.start_patrol import start_patrol_mutation
from schema.patrols.mutations.turn_finding_into_case import turn_finding_into_case_mutation
from schema.patrols.mutations.turn_finding_into_need import turn_finding_into_need_mutation
from schema.patrols.mutations.turn_visit_into_case import turn_visit_into_case_mutation
from schema.patrols.mutations.turn_visit_into_need import turn_visit_into_need_mutation


@strawberry.type
class PatrolMutations:
    start_patrol = strawberry.mutation(
        resolver=start_patrol_mutation, description="Start a round of your grid (天天转)."
    )
    end_patrol = strawberry.mutation(resolver=end_patrol_mutation, description="End your round.")
    record_finding = strawberry.mutation(
        resolver=record_finding_mutation, description="Record a must-report finding (六报)."
    )
    turn_finding_into_need = strawberry.mutation(
        resolver=turn_finding_into_need_mutation, description="Turn a finding into a need."
    )
    record_visit = strawberry.mutation(
        resolver=record_visit_mutation, description="Record a visit to a key household (六访)."
    )
    turn_visit_into_need = strawberry.mutation(
        resolver=turn_visit_into_need_mutation, description="Turn what a visit found into a need."
    )
    turn_finding_into_case = strawberry.mutation(
        resolver=turn_finding_into_case_mutation,
        description="Turn a finding into a case (channel patrol), linked both ways.",
    )
    turn_visit_into_case = strawberry.mutation(
        resolver=turn_visit_into_case_mutation,
        description="Turn what a visit found into a case (channel home visit), linked both ways.",
    )

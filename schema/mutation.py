"""The root Mutation: every mutation takes one ``input`` and returns a result union."""

from __future__ import annotations

import strawberry

from schema.accounts.mutation import AccountMutations
from schema.cases.mutation import CaseMutations
from schema.grid.mutation import GridMutations
from schema.lists.mutations import ListMutations
from schema.meetings.mutations import MeetingMutations
from schema.patrols.mutations import PatrolMutations
from schema.people.mutations import PeopleMutations
from schema.volunteering.mutations import VolunteeringMutations


@strawberry.type(description="Every change minqing accepts.")
class Mutation(
    PeopleMutations,
    CaseMutations,
    ListMutations,
    PatrolMutations,
    MeetingMutations,
    VolunteeringMutations,
    GridMutations,
    AccountMutations,
):
    """Composed from one class per area, as the root Query is."""

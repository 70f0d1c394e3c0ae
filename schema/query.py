"""The root Query, composed from each area's query type."""

from __future__ import annotations

import strawberry

from schema.accounts.queries import AccountQueries
from schema.cases.queries import CaseQueries
from schema.grid.map import MapQueries
from schema.grid.queries import GridQueries
from schema.lists.figures import FigureQueries
from schema.lists.queries import ListQueries
from schema.meetings.queries import MeetingQueries
from schema.node import NodeQueries
from schema.patrols.queries import PatrolQueries
from schema.people.queries import PeopleQueries
from schema.volunteering.queries import VolunteeringQueries


@strawberry.type(description="Everything minqing answers.")
class Query(
    NodeQueries,
    GridQueries,
    MapQueries,
    PeopleQueries,
    AccountQueries,
    ListQueries,
    PatrolQueries,
    MeetingQueries,
    VolunteeringQueries,
    FigureQueries,
    CaseQueries,
):
    @strawberry.field(description="The running API's version.")
    def api_version(self) -> str:
        return "1"

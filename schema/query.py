"""The root Query, composed from each area's query type."""

from __future__ import annotations

import strawberry

from schema.accounts.queries import AccountQueries
from schema.grid.queries import GridQueries
from schema.node import NodeQueries
from schema.people.queries import PeopleQueries


@strawberry.type(description="Everything minqing answers.")
class Query(NodeQueries, GridQueries, PeopleQueries, AccountQueries):
    @strawberry.field(description="The running API's version.")
    def api_version(self) -> str:
        return "1"

"""The root Query, composed from each area's query type."""

from __future__ import annotations

import strawberry

from schema.grid.queries import GridQueries
from schema.lists.queries import ListQueries
from schema.node import NodeQueries


@strawberry.type(description="Everything minqing answers.")
class Query(NodeQueries, GridQueries, ListQueries):
    @strawberry.field(description="The running API's version.")
    def api_version(self) -> str:
        return "1"

"""The root Query, composed from each area's query type."""

from __future__ import annotations

import strawberry

from schema.cases.queries import CaseQueries
from schema.grid.queries import GridQueries
from schema.node import NodeQueries


@strawberry.type(description="Everything minqing answers.")
class Query(NodeQueries, GridQueries, CaseQueries):
    @strawberry.field(description="The running API's version.")
    def api_version(self) -> str:
        return "1"

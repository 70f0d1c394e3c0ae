"""Query fields of patrols and visits: lists, grids without a patrol, visit coverage."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.clock import moment as now
from domain.coverage import grids_without_patrol, visit_coverage
from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from domain.visits import month_of
from models.patrols import Patrol, Visit
from permissions.enums import Action, Resource
from permissions.rows import checked_by_caller, visible
from schema.args import PlaceArg
from schema.context import Info
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import filter_to_subtree, visible_grid
from schema.pagination import Connection, Page, connection, paginate
from schema.patrols.types import GridVisitCoverageType, PatrolType, VisitType

MonthArg = Annotated[
    date | None,
    strawberry.argument(description="Any day of the month; defaults to the current month."),
]


@strawberry.type
class PatrolQueries:
    @connection(
        description="Patrols of your places, and your own, newest first.",
        backwards=True,
        newest_first=True,
    )
    async def patrols(
        self,
        info: Info,
        page: Page,
        place_id: PlaceArg = None,
        ongoing: Annotated[
            bool | None, strawberry.argument(description="Only those under way (or ended).")
        ] = None,
    ) -> Connection[PatrolType]:
        query = visible(Patrol, info.context.viewer)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="grid_path"
        )
        if ongoing is not None:
            query = query.filter(ended_at__isnull=ongoing)
        return await paginate(query, PatrolType.from_model, page)

    @connection(description="Grids under a place where no patrol started in the last N days.")
    async def grids_without_patrol(
        self,
        info: Info,
        page: Page,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place.")],
        days: Annotated[int, strawberry.argument(description="How many days back (1–366).")],
    ) -> Connection[GridType]:
        if not 1 <= days <= 366:
            raise ValidationFailedError.one(
                "days", "Between 1 and 366", InputErrorCode.OUT_OF_RANGE
            )
        place = await visible_grid(info, place_id, field="placeId")
        require(info, Resource.PATROL, Action.READ, place.path)
        query = checked_by_caller(grids_without_patrol(place, days=days))  # the tree is public
        return await paginate(query, GridType.from_model, page)

    @connection(
        description="Visits of your places, and your own, newest first.",
        backwards=True,
        newest_first=True,
    )
    async def visits(
        self, info: Info, page: Page, place_id: PlaceArg = None, month: MonthArg = None
    ) -> Connection[VisitType]:
        query = visible(Visit, info.context.viewer)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        if month is not None:
            query = query.filter(month=month_of(month))
        return await paginate(query, VisitType.from_model, page)

    @strawberry.field(
        description="Monthly visit coverage (六访) per grid under a place: due, missed, percentage."
    )
    async def visit_coverage(
        self,
        info: Info,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place.")],
        month: MonthArg = None,
    ) -> list[GridVisitCoverageType]:
        place = await visible_grid(info, place_id, field="placeId")
        require(info, Resource.VISIT, Action.READ, place.path)
        rows = await visit_coverage(place, month_of(month or now()))
        return [GridVisitCoverageType.from_domain(r) for r in rows]

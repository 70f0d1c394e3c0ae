"""The figures of the lists, patrols, visits and volunteering, per place subtree and month."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.clock import moment as now
from domain.list_statistics import ListFigures, list_figures
from domain.visits import month_of
from permissions.enums import Action, Resource
from schema.context import Info
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.type(name="ListFigures", description="Figures of a place's subtree for one month.")
class ListFiguresType:
    month: date = strawberry.field(description="First day of the month.")
    needs_posted: int = strawberry.field(description="Needs posted in the month.")
    needs_claimed: int = strawberry.field(description="Claims made in the month.")
    needs_fulfilled: int = strawberry.field(description="Needs fulfilled in the month.")
    needs_confirmed: int = strawberry.field(description="Needs confirmed (closed) in the month.")
    median_days_to_close: float | None = strawberry.field(
        description="Median days from posting to confirmation of the needs closed in the month."
    )
    volunteer_hours: float = strawberry.field(
        description="Verified hours of the month's activities."
    )
    visits_due: int = strawberry.field(description="People of the six key groups to visit.")
    visits_missed: int = strawberry.field(description="Of those, not visited in the month.")
    visit_coverage: float | None = strawberry.field(description="Visited, in percent.")
    grids: int = strawberry.field(description="Active grids in the subtree.")
    grids_patrolled: int = strawberry.field(description="Grids with a patrol in the month.")
    patrol_coverage: float | None = strawberry.field(description="Grids patrolled, in percent.")
    model: strawberry.Private[ListFigures]

    @classmethod
    def from_domain(cls, row: ListFigures) -> ListFiguresType:
        return cls(
            month=row.month,
            needs_posted=row.needs_posted,
            needs_claimed=row.needs_claimed,
            needs_fulfilled=row.needs_fulfilled,
            needs_confirmed=row.needs_confirmed,
            median_days_to_close=row.median_days_to_close,
            volunteer_hours=float(row.volunteer_hours),
            visits_due=row.visits_due,
            visits_missed=row.visits_missed,
            visit_coverage=row.visit_coverage,
            grids=row.grids,
            grids_patrolled=row.grids_patrolled,
            patrol_coverage=row.patrol_coverage,
            model=row,
        )

    @strawberry.field(description="The place.")
    def place(self) -> GridType:
        return GridType.from_model(self.model.place)


@strawberry.type
class FigureQueries:
    @strawberry.field(description="Figures of the lists, patrols, visits and volunteering.")
    async def list_figures(
        self,
        info: Info,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place.")],
        month: Annotated[
            date | None,
            strawberry.argument(description="Any day of the month; defaults to this month."),
        ] = None,
    ) -> ListFiguresType:
        place = await visible_grid(info, place_id, field="placeId")
        require(info, Resource.STATISTICS, Action.READ, place.path)
        figures = await list_figures(place, month_of(month or now()))
        return ListFiguresType.from_domain(figures)

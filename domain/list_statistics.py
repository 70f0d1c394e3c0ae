"""Figures of the lists, patrols, visits and volunteering, per place subtree and month."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.expressions import Subquery

from domain.coverage import due_persons, grids_under, missed_persons, month_bounds
from domain.service_records import verified_sign_ups
from domain.tree import subtree_filter
from models.enums import NeedAction
from models.grid import GridNode
from models.lists import Need, NeedEvent
from models.patrols import Patrol


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class ListFigures:
    place: GridNode
    month: date
    needs_posted: int
    needs_claimed: int
    needs_fulfilled: int
    needs_confirmed: int
    median_days_to_close: float | None
    volunteer_hours: Decimal
    visits_due: int
    visits_missed: int
    grids: int
    grids_patrolled: int

    @property
    def visit_coverage(self) -> float | None:
        return _share(self.visits_due - self.visits_missed, self.visits_due)

    @property
    def patrol_coverage(self) -> float | None:
        return _share(self.grids_patrolled, self.grids)


async def list_figures(top: GridNode, month: date) -> ListFigures:
    """Needs posted in the month and the claims, fulfilments and confirmations made in it; the
    median days from posting to confirmation of the needs confirmed in it; verified hours of
    its activities; visit coverage of its key groups; the share of grids patrolled in it."""
    start, end = month_bounds(month)
    needs = Need.filter(**subtree_filter("place_path", top.path))
    events = NeedEvent.filter(
        **subtree_filter("need__place_path", top.path),
        created_at__gte=start,
        created_at__lt=end,
    )
    counts = {
        action: await events.filter(action=action).count()
        for action in (NeedAction.CLAIM, NeedAction.FULFIL, NeedAction.CONFIRM)
    }
    closed = await needs.filter(confirmed_at__gte=start, confirmed_at__lt=end).values_list(
        "created_at", "confirmed_at"
    )
    days = [(confirmed - created).total_seconds() / 86400 for created, confirmed in closed]
    hours = (
        await verified_sign_ups(month)
        .filter(**subtree_filter("activity__place_path", top.path))
        .values_list("hours", flat=True)
    )
    grids = grids_under(top)
    patrolled = Patrol.filter(started_at__gte=start, started_at__lt=end).values("covered_grid_id")
    return ListFigures(
        place=top,
        month=month,
        needs_posted=await needs.filter(created_at__gte=start, created_at__lt=end).count(),
        needs_claimed=counts[NeedAction.CLAIM],
        needs_fulfilled=counts[NeedAction.FULFIL],
        needs_confirmed=counts[NeedAction.CONFIRM],
        median_days_to_close=round(statistics.median(days), 2) if days else None,
        volunteer_hours=sum((Decimal(str(h)) for h in hours if h is not None), Decimal(0)),
        visits_due=await due_persons(top.path).count(),
        visits_missed=await missed_persons(top.path, month).count(),
        grids=await grids.count(),
        grids_patrolled=await grids.filter(id__in=Subquery(patrolled)).count(),
    )

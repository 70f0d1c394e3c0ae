"""Who has been visited and patrolled: monthly visit coverage (六访) per grid and grids with no
patrol (天天转) lately, computed in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from domain.clock import moment as now
from domain.tree import subtree_filter
from domain.visits import next_month
from models.enums import GridLevel
from models.grid import GridNode
from models.patrols import Patrol, Visit
from models.people import Person


def month_bounds(month: date) -> tuple[datetime, datetime]:
    start = datetime(month.year, month.month, 1, tzinfo=UTC)
    end = next_month(month)
    return start, datetime(end.year, end.month, 1, tzinfo=UTC)


def grids_under(top: GridNode) -> QuerySet[GridNode]:
    """The active grid-level places in ``top``'s subtree (``top`` itself if it is a grid)."""
    return GridNode.filter(level=GridLevel.GRID, is_active=True, **subtree_filter("path", top.path))


def due_persons(path: str) -> QuerySet[Person]:
    """Everyone in the subtree tagged with one of the six key groups: visited every month.

    The places first, then their persons by ``place_id``, each joined to their tags: ``id IN
    (every tagged person)`` reads the whole district's tags for the smallest grid, and a
    filter on the joined place lets SQLite walk every person for a page ordered by id.
    """
    places = GridNode.filter(**subtree_filter("path", path)).values("id")
    return Person.filter(place_id__in=Subquery(places), tags__tag__isnull=False).distinct()


def missed_persons(path: str, month: date) -> QuerySet[Person]:
    """Those due in the subtree with no visit this month, to them or to their household.

    Both exclusions are sets of person ids: a condition on the household column (which may be
    null) makes SQLite read every person instead of those of the subtree.
    """
    visits = Visit.filter(month=month)
    visited_households = visits.filter(household_id__isnull=False).values("household_id")
    housemates = Person.filter(household_id__in=Subquery(visited_households)).values("id")
    return (
        due_persons(path)
        .exclude(id__in=Subquery(visits.values("person_id")))
        .exclude(id__in=Subquery(housemates))
    )


@dataclass(frozen=True)
class GridVisitCoverage:
    grid: GridNode
    month: date
    due: int
    missed: int

    @property
    def visited(self) -> int:
        return self.due - self.missed

    @property
    def percentage(self) -> float | None:
        """Visited as a share of those due, in percent (one decimal); None when nobody is due."""
        return round(100 * self.visited / self.due, 1) if self.due else None


async def visit_coverage(top: GridNode, month: date) -> list[GridVisitCoverage]:
    """Per grid under ``top``: how many are due this month and how many were missed."""
    result = []
    for grid in await grids_under(top).order_by("id"):
        due = await due_persons(grid.path).count()
        missed = await missed_persons(grid.path, month).count()
        result.append(GridVisitCoverage(grid=grid, month=month, due=due, missed=missed))
    return result


def grids_without_patrol(
    top: GridNode, *, days: int, at: datetime | None = None
) -> QuerySet[GridNode]:
    """Grids under ``top`` where no round started in the last ``days`` days."""
    since = (at or now()) - timedelta(days=days)
    patrolled = Patrol.filter(started_at__gte=since).values("covered_grid_id")
    return grids_under(top).exclude(id__in=Subquery(patrolled))

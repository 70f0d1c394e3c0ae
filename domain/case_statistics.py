"""The figures communities report (15 received, 12 done, 3 in progress; 处置率, 按期率, 满意率 …),
computed with SQL aggregates over one place's subtree and a range of months."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise.expressions import Q
from tortoise.functions import Count, Sum

from domain.case_workflow import IN_PROGRESS
from domain.clock import moment as now
from domain.tree import subtree_bounds
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseState


class GroupBy(StrEnum):
    """How the figures are broken down."""

    NONE = "none"
    MONTH = "month"
    CATEGORY = "category"
    CHILD_PLACE = "child_place"
    DEPARTMENT = "department"  # the departments the cases were dispatched to


@dataclass
class CaseFigures:
    """Counts for one group; rates are derived from them."""

    key: str = ""
    received: int = 0
    accepted: int = 0
    rejected: int = 0
    in_progress: int = 0
    resolved: int = 0
    resolved_on_time: int = 0
    closed: int = 0
    overdue: int = 0
    rated: int = 0
    satisfied: int = 0
    returned: int = 0
    reopened: int = 0
    whistle: int = 0
    resolve_seconds: int = 0
    timed: bool = True  # False when resolve times cannot be summed (by department)

    def add(self, other: CaseFigures) -> None:
        self.timed = self.timed and other.timed
        for f in fields(self):
            if f.name not in ("key", "timed"):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    @property
    def disposal_rate(self) -> float | None:
        """处置率: resolved / accepted."""
        return self._rate(self.resolved, self.accepted)

    @property
    def on_time_rate(self) -> float | None:
        """按期率: resolved on time / resolved."""
        return self._rate(self.resolved_on_time, self.resolved)

    @property
    def satisfaction_rate(self) -> float | None:
        """满意率: satisfied / rated."""
        return self._rate(self.satisfied, self.rated)

    @property
    def return_rate(self) -> float | None:
        """退单率: cases returned at least once / accepted."""
        return self._rate(self.returned, self.accepted)

    @property
    def rework_rate(self) -> float | None:
        """返工率: cases reopened at least once / resolved."""
        return self._rate(self.reopened, self.resolved)

    @property
    def average_resolve_hours(self) -> float | None:
        """Mean hours from report to resolution."""
        if not self.resolved or not self.timed:
            return None
        return round(self.resolve_seconds / self.resolved / 3600, 2)


def _aggregates(at: datetime, *, via: str = "") -> dict[str, Any]:
    """The counts, over cases (``via=""``) or over dispatches joined to their case
    (``via="case__"``, each case counted once per group)."""

    def q(**conditions: Any) -> Q:
        return Q(**{f"{via}{name}": value for name, value in conditions.items()})

    def count(condition: Q | None = None) -> Count:
        target = "case_id" if via else "id"
        return Count(target, distinct=bool(via), _filter=condition)

    late = (
        q(was_overdue=True)
        | q(state__in=list(IN_PROGRESS), handle_due_at__lt=at)
        | q(state=CaseState.SUBMITTED, accept_due_at__lt=at)
    )
    # Prefixed: an annotation named like a field (``satisfied``) would shadow it in filters.
    aggregates: dict[str, Any] = {
        "n_received": count(),
        "n_accepted": count(q(accepted_at__isnull=False)),
        "n_rejected": count(q(state=CaseState.REJECTED)),
        "n_in_progress": count(q(state__in=list(IN_PROGRESS))),
        "n_resolved": count(q(resolved_at__isnull=False)),
        "n_resolved_on_time": count(q(resolved_on_time=True)),
        "n_closed": count(q(state=CaseState.CLOSED)),
        "n_overdue": count(late),
        "n_rated": count(q(satisfied__isnull=False)),
        "n_satisfied": count(q(satisfied=True)),
        "n_returned": count(q(return_count__gt=0)),
        "n_reopened": count(q(reopen_count__gt=0)),
        "n_whistle": count(q(is_whistle=True)),
    }
    if not via:  # a sum over dispatch rows would count a case once per dispatch
        aggregates["n_resolve_seconds"] = Sum("resolve_seconds")
    return aggregates


_GROUP_FIELD = {
    GroupBy.MONTH: "submitted_month",
    GroupBy.CATEGORY: "category_id",
    GroupBy.CHILD_PLACE: "place_path",
    GroupBy.DEPARTMENT: "department_id",
}


def _child_key(top_path: str, path: str) -> str:
    """The id of the child of ``top_path`` that ``path`` lies in ("" for the top itself)."""
    rest = path[len(top_path) :].strip("/")
    return rest.split("/")[0] if rest else ""


async def case_figures(
    *,
    place_path: str,
    month_from: str | None = None,
    month_to: str | None = None,
    group_by: GroupBy = GroupBy.NONE,
    at: datetime | None = None,
) -> list[CaseFigures]:
    """Figures for the cases received in ``place_path``'s subtree between the months
    (``YYYY-MM``, inclusive), one per group, ordered by key. By department, a case counts
    once for each department it was dispatched to, and the mean resolve time is not given."""
    low, high = subtree_bounds(place_path)
    via = "case__" if group_by is GroupBy.DEPARTMENT else ""
    bounds: dict[str, Any] = {f"{via}place_path__gte": low, f"{via}place_path__lt": high}
    if month_from:
        bounds[f"{via}submitted_month__gte"] = month_from
    if month_to:
        bounds[f"{via}submitted_month__lte"] = month_to
    query: Any = (
        CaseDispatch.filter(department_id__isnull=False, **bounds) if via else Case.filter(**bounds)
    )
    aggregates = _aggregates(now(at), via=via)
    names = list(aggregates)
    group_field = _GROUP_FIELD.get(group_by)
    annotated = query.annotate(**aggregates)
    if group_field is None:
        rows = await annotated.values(*names)
    else:
        rows = await annotated.group_by(group_field).values(group_field, *names)
    groups: dict[str, CaseFigures] = defaultdict(lambda: CaseFigures(timed=not via))
    for row in rows:
        raw_key = row.get(group_field) if group_field else ""
        key = _child_key(place_path, str(raw_key)) if group_by is GroupBy.CHILD_PLACE else raw_key
        key = "" if key is None else str(key)
        counts: dict[str, Any] = {n[2:]: int(row[n] or 0) for n in names}
        figures = CaseFigures(key=key, timed=not via, **counts)
        groups[key].add(figures)
        groups[key].key = key
    if group_field is None and not groups:
        groups[""] = CaseFigures()
    return [groups[k] for k in sorted(groups)]

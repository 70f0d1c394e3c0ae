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
from models.cases import Case
from models.enums import CaseState


class GroupBy(StrEnum):
    """How the figures are broken down."""

    NONE = "none"
    MONTH = "month"
    CATEGORY = "category"
    CHILD_PLACE = "child_place"


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

    def add(self, other: CaseFigures) -> None:
        for f in fields(self):
            if f.name != "key":
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
        return round(self.resolve_seconds / self.resolved / 3600, 2) if self.resolved else None


def _aggregates(at: datetime) -> dict[str, Any]:
    late = (
        Q(was_overdue=True)
        | Q(state__in=list(IN_PROGRESS), handle_due_at__lt=at)
        | Q(state=CaseState.SUBMITTED, accept_due_at__lt=at)
    )
    # Prefixed: an annotation named like a field (``satisfied``) would shadow it in filters.
    return {
        "n_received": Count("id"),
        "n_accepted": Count("id", _filter=Q(accepted_at__isnull=False)),
        "n_rejected": Count("id", _filter=Q(state=CaseState.REJECTED)),
        "n_in_progress": Count("id", _filter=Q(state__in=list(IN_PROGRESS))),
        "n_resolved": Count("id", _filter=Q(resolved_at__isnull=False)),
        "n_resolved_on_time": Count("id", _filter=Q(resolved_on_time=True)),
        "n_closed": Count("id", _filter=Q(state=CaseState.CLOSED)),
        "n_overdue": Count("id", _filter=late),
        "n_rated": Count("id", _filter=Q(satisfied__isnull=False)),
        "n_satisfied": Count("id", _filter=Q(satisfied=True)),
        "n_returned": Count("id", _filter=Q(return_count__gt=0)),
        "n_reopened": Count("id", _filter=Q(reopen_count__gt=0)),
        "n_whistle": Count("id", _filter=Q(is_whistle=True)),
        "n_resolve_seconds": Sum("resolve_seconds"),
    }


_GROUP_FIELD = {
    GroupBy.MONTH: "submitted_month",
    GroupBy.CATEGORY: "category_id",
    GroupBy.CHILD_PLACE: "place_path",
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
    (``YYYY-MM``, inclusive), one per group, ordered by key."""
    low, high = subtree_bounds(place_path)
    query = Case.filter(place_path__gte=low, place_path__lt=high)
    if month_from:
        query = query.filter(submitted_month__gte=month_from)
    if month_to:
        query = query.filter(submitted_month__lte=month_to)
    aggregates = _aggregates(now(at))
    names = list(aggregates)
    group_field = _GROUP_FIELD.get(group_by)
    annotated = query.annotate(**aggregates)
    if group_field is None:
        rows = await annotated.values(*names)
    else:
        rows = await annotated.group_by(group_field).values(group_field, *names)
    groups: dict[str, CaseFigures] = defaultdict(CaseFigures)
    for row in rows:
        raw_key = row.get(group_field) if group_field else ""
        key = _child_key(place_path, str(raw_key)) if group_by is GroupBy.CHILD_PLACE else raw_key
        key = "" if key is None else str(key)
        figures = CaseFigures(key=key, **{n[2:]: int(row[n] or 0) for n in names})
        groups[key].add(figures)
        groups[key].key = key
    if group_field is None and not groups:
        groups[""] = CaseFigures()
    return [groups[k] for k in sorted(groups)]

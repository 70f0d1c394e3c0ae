"""The figures communities report (15 received, 12 done, 3 in progress; 处置率, 按期率, 满意率 …),
computed with SQL aggregates over one place's subtree and a range of months."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from domain import sql
from domain.case_figures_sql import GroupBy, late_now_sql, live_figures_sql, stored_figures_sql
from domain.clock import moment as now
from domain.tree import subtree_bounds


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


def _add_late_now(rows: list[dict[str, Any]], late: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``overdue`` = the kept "ran late at some step" + the cases late now (which never ran
    late before: the query leaves those out)."""
    late_by_key = {row.get("group_key"): int(row["late"] or 0) for row in late}
    for row in rows:
        row["overdue"] = int(row["overdue"] or 0) + late_by_key.pop(row.get("group_key"), 0)
    return rows


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
    live: bool = False,
) -> list[CaseFigures]:
    """Figures for the cases received in ``place_path``'s subtree between the months
    (``YYYY-MM``, inclusive), one per group, ordered by key. By department, a case counts
    once for each department it was dispatched to, and the mean resolve time is not given.

    They are summed from the kept monthly figures (``domain/case_month_figures``) plus a
    count of the cases late right now, so a year of a community costs the same at any size;
    ``live`` counts the cases themselves instead (the department breakdown always does)."""
    low, high = subtree_bounds(place_path)
    at = now(at)
    months = [m for m in (month_from, month_to) if m]
    shape = (group_by, bool(month_from), bool(month_to))
    if live or group_by is GroupBy.DEPARTMENT:
        rows = await sql.rows(live_figures_sql(*shape), [at, at, low, high, *months])
    else:
        rows = await sql.rows(stored_figures_sql(*shape), [low, high, *months])
        late = await sql.rows(late_now_sql(*shape), [at, at, low, high, *months])
        rows = _add_late_now(rows, late)
    by_department = group_by is GroupBy.DEPARTMENT
    groups: dict[str, CaseFigures] = defaultdict(lambda: CaseFigures(timed=not by_department))
    for row in rows:
        raw_key = row.pop("group_key", "")
        key = _child_key(place_path, str(raw_key)) if group_by is GroupBy.CHILD_PLACE else raw_key
        key = "" if key is None else str(key)
        counts: dict[str, Any] = {name: int(value or 0) for name, value in row.items()}
        figures = CaseFigures(key=key, timed=not by_department, **counts)
        groups[key].add(figures)
        groups[key].key = key
    if group_by is GroupBy.NONE and not groups:
        groups[""] = CaseFigures()
    return [groups[k] for k in sorted(groups)]

"""The figures communities report (15 received, 12 done, 3 in progress; 处置率, 按期率, 满意率 …),
computed with SQL aggregates over one place's subtree and a range of months."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from tortoise import Tortoise

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


# Each figure as a condition on a case row (``c``); ``received`` counts every row.
_CONDITIONS = {
    "accepted": "c.accepted_at IS NOT NULL",
    "rejected": f"c.state = '{CaseState.REJECTED.value}'",
    "in_progress": f"c.state IN ({', '.join(repr(s.value) for s in IN_PROGRESS)})",
    "resolved": "c.resolved_at IS NOT NULL",
    "resolved_on_time": "c.resolved_on_time",
    "closed": f"c.state = '{CaseState.CLOSED.value}'",
    # ran late, or is late now in its current step (the two moments are parameters)
    "overdue": (
        f"c.was_overdue OR (c.state IN ({', '.join(repr(s.value) for s in IN_PROGRESS)})"
        f" AND c.handle_due_at < ?) OR (c.state = '{CaseState.SUBMITTED.value}'"
        " AND c.accept_due_at < ?)"
    ),
    "rated": "c.satisfied IS NOT NULL",
    "satisfied": "c.satisfied",
    "returned": "c.return_count > 0",
    "reopened": "c.reopen_count > 0",
    "whistle": "c.is_whistle",
}

_GROUP_COLUMN = {
    GroupBy.NONE: None,
    GroupBy.MONTH: "c.submitted_month",
    GroupBy.CATEGORY: "c.category_id",
    GroupBy.CHILD_PLACE: "c.place_path",
    GroupBy.DEPARTMENT: "d.department_id",
}


@functools.cache
def figures_sql(group_by: GroupBy, month_from: bool, month_to: bool, postgres: bool) -> str:
    """One aggregate statement for the figures (built once per shape): over the cases of a
    path range, or by department over their dispatches (each case once per department)."""
    by_department = group_by is GroupBy.DEPARTMENT
    counted = "DISTINCT c.id" if by_department else "c.id"
    columns = [f"COUNT({counted}) AS received"]
    columns += [
        f"COUNT({'DISTINCT ' if by_department else ''}CASE WHEN {condition} THEN c.id END)"
        f" AS {name}"
        for name, condition in _CONDITIONS.items()
    ]
    if not by_department:  # a sum over dispatch rows would count a case once per dispatch
        columns.append("SUM(c.resolve_seconds) AS resolve_seconds")
    group = _GROUP_COLUMN[group_by]
    if group is not None:
        columns.insert(0, f"{group} AS group_key")
    source = f"{Case._meta.db_table} c"
    where = ["c.place_path >= ?", "c.place_path < ?"]
    if by_department:
        source = f"{CaseDispatch._meta.db_table} d JOIN {source} ON c.id = d.case_id"
        where.append("d.department_id IS NOT NULL")
    if month_from:
        where.append("c.submitted_month >= ?")
    if month_to:
        where.append("c.submitted_month <= ?")
    sql = f"SELECT {', '.join(columns)} FROM {source} WHERE {' AND '.join(where)}"
    if group is not None:
        sql += f" GROUP BY {group}"
    return numbered_placeholders(sql) if postgres else sql


def numbered_placeholders(sql: str) -> str:
    """``?`` placeholders as PostgreSQL's ``$1, $2 …`` (the statement holds no other ``?``)."""
    parts = sql.split("?")
    return parts[0] + "".join(f"${n}{part}" for n, part in enumerate(parts[1:], start=1))


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
    at = now(at)
    connection = Tortoise.get_connection("default")
    postgres = connection.capabilities.dialect == "postgres"
    sql = figures_sql(group_by, bool(month_from), bool(month_to), postgres)
    values: list[Any] = [at, at, low, high, *(m for m in (month_from, month_to) if m)]
    rows = await connection.execute_query_dict(sql, values)
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

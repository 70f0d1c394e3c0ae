"""The statements behind case figures, built once per shape with ``?`` placeholders
(``domain.sql`` runs them): summing the kept monthly rows, counting the cases late right now,
and counting the cases themselves (the department breakdown, and the tests' reference)."""

from __future__ import annotations

import functools
from enum import StrEnum

from domain.case_deadlines import overdue_sql
from domain.case_month_figures import CONDITIONS, COUNTED, TABLE
from models.case_records import CaseDispatch
from models.cases import Case
from models.grid import GridNode


class GroupBy(StrEnum):
    """How the figures are broken down."""

    NONE = "none"
    MONTH = "month"
    CATEGORY = "category"
    CHILD_PLACE = "child_place"
    DEPARTMENT = "department"  # the departments the cases were dispatched to


CASES = Case._meta.db_table
# Late right now in its current step (the two moments are parameters).
_LATE_NOW = overdue_sql("c")
# Counted live, "overdue" is also what is late now (the kept rows know only what ran late).
_LIVE_CONDITIONS = {
    ("overdue" if name == "was_overdue" else name): (
        f"{condition} OR {_LATE_NOW}" if name == "was_overdue" else condition
    )
    for name, condition in CONDITIONS.items()
}
_CASE_GROUP = {
    GroupBy.NONE: None,
    GroupBy.MONTH: "c.submitted_month",
    GroupBy.CATEGORY: "c.category_id",
    GroupBy.CHILD_PLACE: "c.place_path",
    GroupBy.DEPARTMENT: "d.department_id",
}
_KEPT_GROUP = {
    GroupBy.NONE: None,
    GroupBy.MONTH: "f.month",
    GroupBy.CATEGORY: "NULLIF(f.category_key, 0)",
    GroupBy.CHILD_PLACE: "g.path",
}


def _statement(columns: list[str], source: str, where: list[str], group: str | None) -> str:
    if group is not None:
        columns = [f"{group} AS group_key", *columns]
    sql = f"SELECT {', '.join(columns)} FROM {source} WHERE {' AND '.join(where)}"
    return sql if group is None else f"{sql} GROUP BY {group}"


def _case_range(month_from: bool, month_to: bool) -> list[str]:
    where = ["c.place_path >= ?", "c.place_path < ?"]
    if month_from:
        where.append("c.submitted_month >= ?")
    if month_to:
        where.append("c.submitted_month <= ?")
    return where


@functools.cache
def live_figures_sql(group_by: GroupBy, month_from: bool, month_to: bool) -> str:
    """Count the cases of a path range (parameters: now twice, the range, the months), or by
    department over their dispatches (each case once per department)."""
    by_department = group_by is GroupBy.DEPARTMENT
    distinct = "DISTINCT " if by_department else ""
    columns = [f"COUNT({distinct}c.id) AS received"]
    columns += [
        f"COUNT({distinct}CASE WHEN {condition} THEN c.id END) AS {name}"
        for name, condition in _LIVE_CONDITIONS.items()
    ]
    if not by_department:  # a sum over dispatch rows would count a case once per dispatch
        columns.append("SUM(c.resolve_seconds) AS resolve_seconds")
    source = f"{CASES} c"
    where = _case_range(month_from, month_to)
    if by_department:
        source = f"{CaseDispatch._meta.db_table} d JOIN {source} ON c.id = d.case_id"
        where.append("d.department_id IS NOT NULL")
    return _statement(columns, source, where, _CASE_GROUP[group_by])


@functools.cache
def stored_figures_sql(group_by: GroupBy, month_from: bool, month_to: bool) -> str:
    """Sum the kept monthly rows of the places in a path range (parameters: the range, the
    months); ``overdue`` here is only "ran late at some step"."""
    columns = [
        f"SUM(f.{name}) AS {'overdue' if name == 'was_overdue' else name}" for name in COUNTED
    ]
    where = ["g.path >= ?", "g.path < ?"]
    if month_from:
        where.append("f.month >= ?")
    if month_to:
        where.append("f.month <= ?")
    source = f"{GridNode._meta.db_table} g JOIN {TABLE} f ON f.place_id = g.id"
    return _statement(columns, source, where, _KEPT_GROUP[group_by])


@functools.cache
def late_now_sql(group_by: GroupBy, month_from: bool, month_to: bool) -> str:
    """Count the cases late right now that had not run late before (parameters: now twice,
    the range, the months): few at any size, found through the (state, due) indexes."""
    where = [f"({_LATE_NOW})", "NOT c.was_overdue", *_case_range(month_from, month_to)]
    return _statement(["COUNT(*) AS late"], f"{CASES} c", where, _CASE_GROUP[group_by])

"""Case figures kept per place, month and category (``models.case_figures``).

Every case counts once in the row of its place, month received and category: the facts
counted there are a function of the case's columns (``counted``), so a verb that changes a
case moves its counts from the old facts to the new in the same transaction (``record``
calls ``apply``). ``rebuild`` recounts every row from the cases (after a bulk load, or to
check); the tests compare both with the live count.
"""

from __future__ import annotations

from domain.case_workflow import IN_PROGRESS
from domain.sql import execute, rows
from models.case_figures import NO_CATEGORY, CaseMonthFigures
from models.cases import Case
from models.enums import CaseState

Key = tuple[int, str, int]  # place id, month, category key
Counts = dict[str, int]

TABLE = CaseMonthFigures._meta.db_table
COUNTED = (
    "received",
    "accepted",
    "rejected",
    "in_progress",
    "resolved",
    "resolved_on_time",
    "closed",
    "was_overdue",
    "rated",
    "satisfied",
    "returned",
    "reopened",
    "whistle",
    "resolve_seconds",
)
IN_PROGRESS_SQL = ", ".join(f"'{state.value}'" for state in IN_PROGRESS)
# The facts counted, as conditions on a case row ``c`` (the same as ``counted``, in SQL;
# ``received`` is every row, ``resolve_seconds`` a sum): ``rebuild`` and the live count use them.
CONDITIONS = {
    "accepted": "c.accepted_at IS NOT NULL",
    "rejected": f"c.state = '{CaseState.REJECTED.value}'",
    "in_progress": f"c.state IN ({IN_PROGRESS_SQL})",
    "resolved": "c.resolved_at IS NOT NULL",
    "resolved_on_time": "c.resolved_on_time",
    "closed": f"c.state = '{CaseState.CLOSED.value}'",
    "was_overdue": "c.was_overdue",
    "rated": "c.satisfied IS NOT NULL",
    "satisfied": "c.satisfied",
    "returned": "c.return_count > 0",
    "reopened": "c.reopen_count > 0",
    "whistle": "c.is_whistle",
}
COUNTED_SQL = {
    "received": "COUNT(*)",
    **{name: f"COUNT(CASE WHEN {condition} THEN 1 END)" for name, condition in CONDITIONS.items()},
    "resolve_seconds": "COALESCE(SUM(c.resolve_seconds), 0)",
}


def key_of(case: Case) -> Key:
    return (case.place_id, case.submitted_month, case.category_id or NO_CATEGORY)


def counted(case: Case) -> Counts:
    """What one case adds to its row."""
    state = case.state
    return {
        "received": 1,
        "accepted": int(case.accepted_at is not None),
        "rejected": int(state == CaseState.REJECTED),
        "in_progress": int(state in IN_PROGRESS),
        "resolved": int(case.resolved_at is not None),
        "resolved_on_time": int(bool(case.resolved_on_time)),
        "closed": int(state == CaseState.CLOSED),
        "was_overdue": int(bool(case.was_overdue)),
        "rated": int(case.satisfied is not None),
        "satisfied": int(bool(case.satisfied)),
        "returned": int(case.return_count > 0),
        "reopened": int(case.reopen_count > 0),
        "whistle": int(bool(case.is_whistle)),
        "resolve_seconds": case.resolve_seconds or 0,
    }


def snapshot(case: Case) -> tuple[Key, Counts]:
    return key_of(case), counted(case)


_UPSERT = (
    f"INSERT INTO {TABLE} (place_id, month, category_key, {', '.join(COUNTED)})"
    f" VALUES (?, ?, ?, {', '.join('?' for _ in COUNTED)})"
    " ON CONFLICT (place_id, month, category_key) DO UPDATE SET "
    + ", ".join(f"{name} = {TABLE}.{name} + excluded.{name}" for name in COUNTED)
)


async def _add(key: Key, counts: Counts, sign: int) -> None:
    await execute(_UPSERT, [*key, *(sign * counts[name] for name in COUNTED)])


async def apply(before: tuple[Key, Counts] | None, after: tuple[Key, Counts]) -> None:
    """Move a case's counts from ``before`` (None: a new case) to ``after``; call inside the
    transaction that changes the case."""
    if before is None:
        await _add(*after, 1)
        return
    (old_key, old), (new_key, new) = before, after
    if old_key == new_key:
        delta = {name: new[name] - old[name] for name in COUNTED}
        if any(delta.values()):
            await _add(new_key, delta, 1)
        return
    await _add(old_key, old, -1)
    await _add(new_key, new, 1)


async def rebuild() -> tuple[int, int]:
    """Recount every row from the cases (after a bulk load, or to check); returns (cases,
    rows). Run it in a transaction: readers then never see the table half rebuilt."""
    columns = ", ".join(COUNTED)
    sums = ", ".join(COUNTED_SQL[name] for name in COUNTED)
    await execute(f"DELETE FROM {TABLE}", [])
    await execute(
        f"INSERT INTO {TABLE} (place_id, month, category_key, {columns})"
        f" SELECT c.place_id, c.submitted_month, COALESCE(c.category_id, {NO_CATEGORY}), {sums}"
        f" FROM {Case._meta.db_table} c"
        f" GROUP BY c.place_id, c.submitted_month, COALESCE(c.category_id, {NO_CATEGORY})",
        [],
    )
    [totals] = await rows(f"SELECT COUNT(*) AS kept, SUM(received) AS cases FROM {TABLE}", [])
    return int(totals["cases"] or 0), int(totals["kept"])

"""The one lateness rule: the Python check, the query filters and the SQL agree on every case,
a step without a deadline included."""

from __future__ import annotations

from datetime import timedelta

from domain.case_deadlines import is_overdue, not_overdue_q, overdue_q, overdue_sql
from domain.clock import moment
from domain.sql import rows as sql_rows
from models.cases import Case, place_columns
from models.enums import CaseChannel, CaseState
from tests.support.factories import small_tree


async def test_python_filters_and_sql_agree_on_every_state_and_deadline(db: str) -> None:
    # given cases in every state, with deadlines passed, to come and absent
    tree = await small_tree()
    place = tree["north_building"]
    at = moment()
    deadlines = [at - timedelta(hours=1), at + timedelta(hours=1), None]
    for state in CaseState:
        for accept_due in deadlines:
            for handle_due in deadlines:
                await Case.create(
                    title="积水",
                    description="路面积水",
                    channel=CaseChannel.HOTLINE,
                    state=state,
                    place_id=place.id,
                    **place_columns(place.path),
                    submitted_month="2026-11",
                    accept_due_at=accept_due,
                    handle_due_at=handle_due,
                )
    cases = await Case.all()
    # when each of the three asks which are late
    by_python = {c.id for c in cases if is_overdue(c, at=at)}
    by_filter = set(await Case.filter(overdue_q(at)).values_list("id", flat=True))
    on_time = set(await Case.filter(not_overdue_q(at)).values_list("id", flat=True))
    sql = f"SELECT id FROM {Case._meta.db_table} c WHERE {overdue_sql('c')}"
    rows = await sql_rows(sql, [at, at])
    # then they agree, and every case is exactly one of late or on time
    assert by_filter == by_python == {r["id"] for r in rows}
    assert on_time == {c.id for c in cases} - by_python
    # 2 waiting-state kinds (accept; 4 handling states) × one passed deadline × 3 others
    assert len(by_python) == (1 + 4) * 3

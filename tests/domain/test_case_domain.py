"""Case verbs under pressure: concurrency, append-only history, holiday deadlines, figures."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from tortoise import Tortoise
from tortoise.exceptions import OperationalError

from domain.calendar import SHANGHAI
from domain.case_deadlines import handle_deadline
from domain.case_month_figures import rebuild as rebuild_month_figures
from domain.case_statistics import GroupBy, case_figures
from domain.cases.common import CaseActor
from domain.cases.intake import accept_case
from domain.errors import ConflictError
from models.case_records import CaseDispatch, CaseEvent
from models.cases import Case, CaseCategory, place_columns
from models.enums import CaseAction, CaseChannel, CaseClass, CaseState
from models.grid import GridNode
from models.org import Department
from tests.support.factories import small_tree

WORKER = CaseActor(user_id=None, role="grid_worker")


async def _case(place: GridNode, **fields: object) -> Case:
    values: dict[str, object] = {
        "title": "井盖缺失",
        "description": "路口井盖缺失",
        "channel": CaseChannel.PATROL,
        "place_id": place.id,
        **place_columns(place.path),
        "submitted_month": "2026-11",
    }
    values.update(fields)
    return await Case.create(**values)


async def test_five_working_days_from_the_eve_of_national_day_2026_skip_the_holiday(
    db: str,
) -> None:
    # 10-01..07 off, Saturday 10-10 a make-up working day (调休)
    start = datetime(2026, 9, 30, 10, 0, tzinfo=SHANGHAI)
    deadline = await handle_deadline(start, None, CaseClass.COORDINATION)
    assert deadline.due_at == datetime(2026, 10, 13, 23, 59, 59, tzinfo=SHANGHAI)
    assert deadline.warnings == ()


async def test_fifty_concurrent_accepts_of_one_case_let_exactly_one_through(db: str) -> None:
    tree = await small_tree()
    category = await CaseCategory.create(name="公共设施")
    case = await _case(tree["north_building"])
    copies = [await Case.get(id=case.id) for _ in range(50)]

    async def accept(copy: Case) -> str:
        try:
            await accept_case(
                case=copy, actor=WORKER, case_class=CaseClass.GENERAL, category=category
            )
        except ConflictError:
            return "conflict"
        return "accepted"

    outcomes = await asyncio.gather(*(accept(c) for c in copies))
    assert sorted(outcomes).count("accepted") == 1
    assert outcomes.count("conflict") == 49
    row = await Case.get(id=case.id)
    assert (row.state, row.version) == (CaseState.ACCEPTED, 2)
    assert await CaseEvent.filter(case_id=case.id, action=CaseAction.ACCEPT).count() == 1


async def test_the_database_refuses_to_update_or_delete_history(db: str) -> None:
    tree = await small_tree()
    case = await _case(tree["north_building"])
    event = await CaseEvent.create(
        case_id=case.id, action=CaseAction.SUBMIT, to_state=CaseState.SUBMITTED, role="resident"
    )
    conn = Tortoise.get_connection("default")
    for sql in (
        f"UPDATE case_event SET reason = 'x' WHERE id = {event.id}",
        f"DELETE FROM case_event WHERE id = {event.id}",
    ):
        with pytest.raises((OperationalError, Exception), match="append-only"):
            await conn.execute_script(sql)
    assert (await CaseEvent.get(id=event.id)).reason == ""


@pytest.mark.parametrize("live", [False, True], ids=["kept monthly figures", "counted live"])
async def test_figures_of_a_community_by_month_and_by_child_place(db: str, live: bool) -> None:
    tree = await small_tree()
    north, grid = tree["north_building"], tree["north_grid"]
    at = datetime(2026, 11, 21, 12, 0, tzinfo=SHANGHAI)
    accepted = datetime(2026, 11, 2, 9, 0, tzinfo=SHANGHAI)
    resolved = {"accepted_at": accepted, "resolved_at": accepted, "resolve_seconds": 7200}
    await _case(north, state=CaseState.CLOSED, resolved_on_time=True, satisfied=True, **resolved)
    await _case(
        north,
        state=CaseState.CLOSED,
        resolved_on_time=True,
        satisfied=False,
        reopen_count=1,
        **resolved,
    )
    await _case(
        grid,
        state=CaseState.HANDLING,
        accepted_at=accepted,
        is_whistle=True,
        return_count=1,
        handle_due_at=datetime(2026, 11, 10, tzinfo=SHANGHAI),
    )
    await _case(grid, state=CaseState.REJECTED, submitted_month="2026-10")
    await _case(tree["south_building"], state=CaseState.CLOSED, **resolved)
    await rebuild_month_figures()  # the cases above were written directly, as a bulk load is

    [total] = await case_figures(place_path=tree["north"].path, at=at, live=live)
    assert (total.received, total.accepted, total.rejected, total.in_progress) == (4, 3, 1, 1)
    assert (total.resolved, total.resolved_on_time, total.closed, total.overdue) == (2, 2, 2, 1)
    assert (total.rated, total.satisfied, total.returned, total.reopened) == (2, 1, 1, 1)
    assert total.whistle == 1
    assert (total.disposal_rate, total.on_time_rate, total.satisfaction_rate) == (0.6667, 1.0, 0.5)
    assert total.average_resolve_hours == 2.0

    months = await case_figures(
        place_path=tree["north"].path, group_by=GroupBy.MONTH, at=at, live=live
    )
    assert [(m.key, m.received) for m in months] == [("2026-10", 1), ("2026-11", 3)]
    children = await case_figures(
        place_path=tree["north"].path, group_by=GroupBy.CHILD_PLACE, at=at, live=live
    )
    assert [(c.key, c.received) for c in children] == [(str(grid.id), 4)]
    buildings = await case_figures(
        place_path=grid.path, group_by=GroupBy.CHILD_PLACE, at=at, live=live
    )
    assert [(c.key, c.received) for c in buildings] == [("", 2), (str(north.id), 2)]


async def test_figures_by_department_count_each_case_once_per_department(db: str) -> None:
    tree = await small_tree()
    heating = await Department.create(name="热力公司", kind="utility")
    railway = await Department.create(name="铁路办事处", kind="government")
    place = tree["north_building"]
    done = datetime(2026, 11, 2, tzinfo=SHANGHAI)
    first = await _case(
        place,
        state=CaseState.CLOSED,
        accepted_at=done,
        resolved_at=done,
        resolve_seconds=3600,
        resolved_on_time=True,
    )
    second = await _case(place, state=CaseState.HANDLING, accepted_at=done)
    for case, dept in ((first, heating), (first, heating), (first, railway), (second, heating)):
        await CaseDispatch.create(case_id=case.id, department_id=dept.id)
    rows = await case_figures(place_path=tree["north"].path, group_by=GroupBy.DEPARTMENT)
    assert [(r.key, r.received, r.resolved, r.in_progress) for r in rows] == [
        (str(heating.id), 2, 1, 1),
        (str(railway.id), 1, 1, 0),
    ]
    assert rows[0].disposal_rate == 0.5
    assert rows[0].average_resolve_hours is None

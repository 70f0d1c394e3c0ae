"""The sweep as a periodic task of the server."""

from __future__ import annotations

import asyncio

from api.periodic import periodic_sweep
from models.cases import Case
from tests.support.factories import late_case, small_tree


async def test_the_periodic_sweep_marks_an_overdue_case_and_stops_with_the_server(db: str) -> None:
    tree = await small_tree()
    place = tree["north_building"]
    case = await late_case(place)
    async with periodic_sweep(60) as task:
        assert task is not None
        for _ in range(100):
            if (await Case.get(id=case.id)).was_overdue:
                break
            await asyncio.sleep(0.05)
    assert task.done()
    row = await Case.get(id=case.id)
    assert (row.was_overdue, row.escalated_to_id) == (True, tree["north_grid"].id)


async def test_no_interval_no_task(db: str) -> None:
    async with periodic_sweep(0) as task:
        assert task is None

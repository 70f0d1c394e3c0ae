"""The sweep as a periodic task of the server."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from api.periodic import periodic_sweep
from domain.clock import moment
from models.cases import Case, place_columns
from models.enums import CaseChannel
from tests.support.factories import small_tree


async def test_the_periodic_sweep_marks_an_overdue_case_and_stops_with_the_server(db: str) -> None:
    tree = await small_tree()
    place = tree["north_building"]
    case = await Case.create(
        title="积水",
        description="路面积水",
        channel=CaseChannel.HOTLINE,
        place_id=place.id,
        **place_columns(place.path),
        submitted_month="2026-11",
        accept_due_at=moment() - timedelta(hours=1),
    )
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

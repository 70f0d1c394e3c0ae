"""Permission-matrix rows of the links from grid work into the case loop: turning a patrol
finding, a visit's finding or a meeting's decision into a case (see tests/support/matrix.py).

A cell's object lies at the actor's home side ("same": the north, "other": the south); the
finding and the visit are at the side's building, the meeting at its grid. The resident's
"own" cell is a visit to the resident themself: they see it, and may report at their home, so
they may turn it into their own case.
"""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from typing import Any

from models.case_records import CaseEvent
from models.cases import Case
from models.enums import FindingKind, MeetingKind, MeetingLevel
from models.meetings import Decision, Meeting
from models.patrols import Patrol, PatrolFinding, Visit
from models.people import Person
from tests.support.matrix import (
    ADMIN,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    Attempt,
    World,
    WriteRow,
    gid,
    only,
)

_serial = itertools.count(1)
WORKERS = {"grid_worker": only(SAME), "community_cadre": only(SAME), TOKEN: only(SAME)}
REPORTERS = {**WORKERS, "micro_grid_worker": only(SAME), ADMIN: only(SAME, OTHER)}
MEETING_KEEPERS = {**WORKERS, ADMIN: only(SAME, OTHER)}


def _side(relation: str) -> str:
    return "south" if relation == OTHER else "north"


def _snapshot(model: Any, pk: int) -> Any:
    """What a turn would change: the cases, their events and the source's link."""

    async def snapshot() -> tuple[int, int, object]:
        link = await model.filter(id=pk).values_list("case_id", flat=True)
        return await Case.all().count(), await CaseEvent.all().count(), link

    return snapshot


async def _turn_finding(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    side = _side(relation)
    worker = await world.peer("grid_worker", relation)
    patrol = await Patrol.create(
        grid=world.grid(f"{side}_grid"),
        grid_path=world.grid(f"{side}_grid").path,
        covered_grid_id=world.grid(f"{side}_grid").id,
        worker_user_id=worker.id,
        started_at=datetime(2026, 11, 20, 1, tzinfo=UTC),
    )
    building = world.grid(f"{side}_building")
    finding = await PatrolFinding.create(
        patrol=patrol,
        kind=FindingKind.BROKEN_FACILITY,
        description=f"路灯损坏 {next(_serial)}",
        place=building,
        place_path=building.path,
    )
    return Attempt(
        {"input": {"findingId": gid("PatrolFinding", finding.id)}},
        _snapshot(PatrolFinding, finding.id),
    )


async def _turn_visit(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN and actor != "resident":
        return None
    building = world.grid(f"{_side(relation)}_building")
    person = (
        world.person
        if relation == OWN
        else await Person.create(name=f"独居老人{next(_serial)}", place=building)
    )
    visitor = await world.peer("grid_worker", relation)
    visit = await Visit.create(
        person_id=person.id,
        place=building,
        place_path=building.path,
        visitor_user_id=visitor.id,
        visited_at=datetime(2026, 11, 20, 1, tzinfo=UTC),
        month=date(2026, 11, 1),
        found="水管漏水",
    )
    return Attempt({"input": {"visitId": gid("Visit", visit.id)}}, _snapshot(Visit, visit.id))


async def _turn_decision(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    grid = world.grid(f"{_side(relation)}_grid")
    meeting = await Meeting.create(
        title=f"议事会{next(_serial)}",
        level=MeetingLevel.COMMUNITY,
        kind=MeetingKind.MONTHLY,
        place=grid,
        place_path=grid.path,
        held_at=datetime(2026, 11, 20, 6, tzinfo=UTC),
    )
    decision = await Decision.create(
        meeting=meeting, text="加装扶手", owner=world.person, deadline=date(2026, 12, 15)
    )
    return Attempt(
        {"input": {"decisionId": gid("Decision", decision.id)}},
        _snapshot(Decision, decision.id),
    )


WRITES = [
    WriteRow("turnFindingIntoCase", "FindingTurnedIntoCase", _turn_finding, REPORTERS),
    WriteRow(
        "turnVisitIntoCase",
        "VisitTurnedIntoCase",
        _turn_visit,
        {**REPORTERS, "resident": only(OWN)},
    ),
    WriteRow("turnDecisionIntoCase", "DecisionTurnedIntoCase", _turn_decision, MEETING_KEEPERS),
]

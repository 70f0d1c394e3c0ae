"""District cases: every case walks the workflow table, and the figures agree with the states."""

from __future__ import annotations

from collections import Counter, defaultdict

from demo.district.cases import UNTIL
from demo.district.generate import generate_district
from domain.case_statistics import GroupBy, case_figures
from domain.case_workflow import IN_PROGRESS, transition
from models.case_records import CaseDispatch, CaseEvent, CaseRating
from models.cases import Case
from models.enums import CaseAction, CaseState


async def test_two_thousand_cases_walk_the_workflow_and_add_up(db: str) -> None:
    # given a small district with 2,000 cases
    written = await generate_district(1_000, cases=2_000)

    # then the counts are those reported
    assert await Case.all().count() == written["Case"] == 2_000
    first = await Case.first().only("place_path", "place_depth0_id", "place_depth1_id")
    assert first is not None and first.place_path.startswith(
        f"/{first.place_depth0_id}/{first.place_depth1_id}/"
    )  # the ancestor columns that case lists are scoped by
    assert await CaseEvent.all().count() == written["CaseEvent"]
    assert await CaseDispatch.all().count() == written["CaseDispatch"]
    assert await CaseRating.all().count() == written["CaseRating"]

    # and every case's events walk the transition table from submitted to its state
    events: dict[int, list[tuple[CaseAction, CaseState | None, CaseState]]] = defaultdict(list)
    rows = (
        await CaseEvent.all()
        .order_by("id")
        .values_list("case_id", "action", "from_state", "to_state")
    )
    for case_id, action, before, after in rows:
        events[case_id].append((CaseAction(action), before and CaseState(before), CaseState(after)))
    states = dict(await Case.all().values_list("id", "state"))
    for case_id, state in states.items():
        walk = events[case_id]
        assert walk[0] == (CaseAction.SUBMIT, None, CaseState.SUBMITTED)
        current = CaseState.SUBMITTED
        for action, before, after in walk[1:]:
            assert before == current
            assert transition(current, action).to == after
            current = after
        assert current == CaseState(state)

    # and most cases are closed, a few still in progress
    by_state = Counter(CaseState(s) for s in states.values())
    assert by_state[CaseState.CLOSED] > 1_600
    assert 0 < sum(by_state[s] for s in IN_PROGRESS) < 100
    assert await Case.filter(is_whistle=True).count() > 100
    # each joint handling (吹哨) summoned one department besides its lead
    whistles = await Case.filter(is_whistle=True).count()
    assert await CaseDispatch.filter(is_lead=False).count() == whistles

    # and the district's figures agree with the generated rows
    [figures] = await case_figures(place_path="/", at=UNTIL)
    assert figures.received == 2_000
    assert figures.closed == by_state[CaseState.CLOSED]
    assert figures.rejected == by_state[CaseState.REJECTED]
    assert figures.in_progress == sum(by_state[s] for s in IN_PROGRESS)
    assert figures.rated == await Case.filter(satisfied__isnull=False).count()
    assert figures.rated > 1_500
    assert figures.satisfied == await Case.filter(satisfied=True).count()
    assert figures.whistle == await Case.filter(is_whistle=True).count()
    assert figures.overdue == await Case.filter(was_overdue=True).count()
    assert figures.overdue > 0
    # the kept monthly figures (rebuilt after the bulk load) are what counting the cases gives
    for group_by in GroupBy:
        kept = await case_figures(place_path="/", at=UNTIL, group_by=group_by)
        assert kept == await case_figures(place_path="/", at=UNTIL, group_by=group_by, live=True)

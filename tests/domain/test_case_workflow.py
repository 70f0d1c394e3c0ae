"""The transition table, walked: every state × action either has its one edge or is refused
with the allowed actions named."""

from __future__ import annotations

import pytest

from domain.case_workflow import PERMISSION, TABLE, TERMINAL, allowed_actions, transition
from domain.errors import InvalidTransitionError
from models.enums import CaseAction, CaseState
from permissions.enums import Action


@pytest.mark.parametrize("state", list(CaseState))
@pytest.mark.parametrize("action", list(CaseAction))
def test_every_cell_of_the_table_is_an_edge_or_a_named_refusal(
    state: CaseState, action: CaseAction
) -> None:
    if (state, action) in TABLE:
        edge = transition(state, action)
        assert edge is TABLE[(state, action)]
        assert edge.permission == PERMISSION[action]
    else:
        with pytest.raises(InvalidTransitionError) as refused:
            transition(state, action)
        assert refused.value.state == state.value
        assert refused.value.allowed == tuple(a.value for a in allowed_actions(state))


def test_every_state_is_reachable_from_submitted() -> None:
    seen, frontier = {CaseState.SUBMITTED}, [CaseState.SUBMITTED]
    while frontier:
        state = frontier.pop()
        for (from_state, _), edge in TABLE.items():
            if from_state == state and edge.to not in seen:
                seen.add(edge.to)
                frontier.append(edge.to)
    assert seen == set(CaseState)


def test_terminal_states_only_take_comments() -> None:
    for state in TERMINAL:
        assert allowed_actions(state) == [CaseAction.COMMENT]


def test_the_closed_loop_path_through_the_table() -> None:
    path = [
        CaseAction.ACCEPT,
        CaseAction.DISPATCH,
        CaseAction.SIGN,
        CaseAction.RESOLVE,
        CaseAction.VERIFY_FAIL,
        CaseAction.RESOLVE,
        CaseAction.VERIFY_PASS,
        CaseAction.REPLY,
        CaseAction.RATE_UNSATISFIED,
        CaseAction.DISPATCH,
    ]
    state = CaseState.SUBMITTED
    visited = []
    for action in path:
        state = transition(state, action).to
        visited.append(state)
    assert visited == [
        CaseState.ACCEPTED,
        CaseState.DISPATCHED,
        CaseState.HANDLING,
        CaseState.RESOLVED,
        CaseState.HANDLING,
        CaseState.RESOLVED,
        CaseState.VERIFIED,
        CaseState.REPLIED,
        CaseState.REOPENED,
        CaseState.DISPATCHED,
    ]


def test_only_the_system_marks_overdue_and_auto_closes() -> None:
    system_only = {a for a, p in PERMISSION.items() if p is None}
    assert system_only == {CaseAction.MARK_OVERDUE, CaseAction.AUTO_CLOSE}
    assert PERMISSION[CaseAction.RATE_UNSATISFIED] is Action.RATE

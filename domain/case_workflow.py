"""The case workflow: ONE table of which action leads from which state to which, and which
Casbin action (so which roles) may take it. Every verb goes through ``transition()``."""

from __future__ import annotations

from dataclasses import dataclass

from domain.errors import InvalidTransitionError
from models.enums import CaseAction as A
from models.enums import CaseClass
from models.enums import CaseState as S
from permissions.enums import Action as P


@dataclass(frozen=True)
class Edge:
    """Where an action leads, and the permission it needs (None: only the system takes it)."""

    to: S
    permission: P | None


# States in which someone is still working on the case (its handling clock runs).
IN_PROGRESS = (S.ACCEPTED, S.DISPATCHED, S.HANDLING, S.REOPENED)
# States the public board shows: the reporter has been answered.
TERMINAL = (S.REJECTED, S.CLOSED, S.MERGED)
OPEN = tuple(s for s in S if s not in TERMINAL)

_MOVES: dict[tuple[S, A], Edge] = {
    (S.SUBMITTED, A.ACCEPT): Edge(S.ACCEPTED, P.ACCEPT),
    (S.SUBMITTED, A.REJECT): Edge(S.REJECTED, P.REJECT),
    (S.SUBMITTED, A.MERGE): Edge(S.MERGED, P.MERGE),
    (S.ACCEPTED, A.MERGE): Edge(S.MERGED, P.MERGE),
    # general cases are resolved on site; the others are dispatched (派件)
    (S.ACCEPTED, A.DISPATCH): Edge(S.DISPATCHED, P.DISPATCH),
    (S.ACCEPTED, A.RESOLVE): Edge(S.RESOLVED, P.RESOLVE),
    (S.REOPENED, A.DISPATCH): Edge(S.DISPATCHED, P.DISPATCH),
    (S.REOPENED, A.RESOLVE): Edge(S.RESOLVED, P.RESOLVE),
    (S.DISPATCHED, A.SIGN): Edge(S.HANDLING, P.SIGN),
    (S.HANDLING, A.SIGN): Edge(S.HANDLING, P.SIGN),  # a further summoned department reports in
    (S.DISPATCHED, A.RETURN_CASE): Edge(S.ACCEPTED, P.RETURN_CASE),
    (S.HANDLING, A.RETURN_CASE): Edge(S.ACCEPTED, P.RETURN_CASE),
    (S.DISPATCHED, A.RETURN_DISPATCH): Edge(S.DISPATCHED, P.RETURN_CASE),
    (S.HANDLING, A.RETURN_DISPATCH): Edge(S.HANDLING, P.RETURN_CASE),
    (S.DISPATCHED, A.DISPATCH): Edge(S.DISPATCHED, P.DISPATCH),  # summon one more
    (S.HANDLING, A.DISPATCH): Edge(S.HANDLING, P.DISPATCH),
    (S.HANDLING, A.REQUEST_EXTENSION): Edge(S.HANDLING, P.REQUEST_EXTENSION),
    (S.HANDLING, A.DECIDE_EXTENSION): Edge(S.HANDLING, P.DECIDE_EXTENSION),
    (S.HANDLING, A.RESOLVE): Edge(S.RESOLVED, P.RESOLVE),
    (S.RESOLVED, A.VERIFY_PASS): Edge(S.VERIFIED, P.VERIFY),
    (S.RESOLVED, A.VERIFY_FAIL): Edge(S.HANDLING, P.VERIFY),
    (S.VERIFIED, A.REPLY): Edge(S.REPLIED, P.REPLY),
    (S.REPLIED, A.RATE_SATISFIED): Edge(S.CLOSED, P.RATE),
    (S.REPLIED, A.RATE_UNSATISFIED): Edge(S.REOPENED, P.RATE),
    (S.REPLIED, A.RATE_FINAL_UNSATISFIED): Edge(S.UNSATISFIED, P.RATE),
    (S.REPLIED, A.AUTO_CLOSE): Edge(S.CLOSED, None),
    (S.REPLIED, A.CLOSE): Edge(S.CLOSED, P.CLOSE),
    (S.UNSATISFIED, A.CLOSE): Edge(S.CLOSED, P.CLOSE),
}

# Actions that never move the case, allowed wherever it is still open (or, for comments and
# files, also after it ended: nothing is deleted, but a note may still be added).
_STAYS: dict[A, tuple[P | None, tuple[S, ...]]] = {
    A.COMMENT: (P.COMMENT, tuple(S)),
    A.ATTACH: (P.COMMENT, OPEN),
    A.ESCALATE: (P.ESCALATE, (S.SUBMITTED, *IN_PROGRESS)),
    A.MARK_OVERDUE: (None, (S.SUBMITTED, *IN_PROGRESS)),
}

TABLE: dict[tuple[S, A], Edge] = {
    **_MOVES,
    **{
        (state, action): Edge(state, permission)
        for action, (permission, states) in _STAYS.items()
        for state in states
    },
}

# Actions recorded only once, when the case is created (no state before).
INITIAL = {A.SUBMIT: Edge(S.SUBMITTED, P.SUBMIT)}


def allowed_actions(state: S, *, include_system: bool = False) -> list[A]:
    """The actions people may take from ``state`` (and the system's too, if asked), in
    declaration order."""
    return [
        action
        for (from_state, action), edge in TABLE.items()
        if from_state == state and (include_system or edge.permission is not None)
    ]


# Only a general case (or one not yet classed) is resolved on site, straight after acceptance
# or a reopening; the others are dispatched first.
ON_SITE = (CaseClass.GENERAL, None)


def open_to(state: S, case_class: CaseClass | None) -> list[A]:
    """The actions people may take from ``state`` for a case of ``case_class``: the table's,
    less resolving on site a case that must be dispatched."""
    on_site_only = state in (S.ACCEPTED, S.REOPENED) and case_class not in ON_SITE
    return [a for a in allowed_actions(state) if not (on_site_only and a is A.RESOLVE)]


def transition(state: S, action: A) -> Edge:
    """The edge ``action`` takes from ``state``; ``InvalidTransitionError`` if there is none."""
    edge = TABLE.get((state, action))
    if edge is None:
        raise InvalidTransitionError(
            state=state.value,
            action=action.value,
            allowed=[a.value for a in allowed_actions(state)],
            kind=A,
        )
    return edge


def _permission_of_actions() -> dict[A, P | None]:
    found: dict[A, P | None] = {a: e.permission for a, e in INITIAL.items()}
    for (_, action), edge in TABLE.items():
        found.setdefault(action, edge.permission)
    return found


PERMISSION: dict[A, P | None] = _permission_of_actions()
"""The permission each action needs (the same from every state it is allowed in)."""

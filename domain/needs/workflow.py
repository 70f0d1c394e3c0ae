"""The one transition table of needs, and the one way a need's state changes.

Every change is ``UPDATE need … WHERE id = ? AND version = ?`` plus one ``NeedEvent`` row, in
one transaction: of two people claiming the same micro-wish at the same moment, exactly one
updates the row and the other finds the version moved on (SQLite has no ``SELECT … FOR
UPDATE``, so the version column is the lock on both databases).
"""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.clock import moment
from domain.errors import ConflictError, InvalidTransitionError
from models.enums import NeedAction, NeedState
from models.lists import Need, NeedEvent

TRANSITIONS: dict[NeedAction, tuple[frozenset[NeedState], NeedState]] = {
    NeedAction.PUBLISH: (frozenset({NeedState.POSTED}), NeedState.PUBLISHED),
    NeedAction.REJECT: (frozenset({NeedState.POSTED}), NeedState.REJECTED),
    NeedAction.CLAIM: (frozenset({NeedState.PUBLISHED}), NeedState.CLAIMED),
    NeedAction.RELEASE: (frozenset({NeedState.CLAIMED}), NeedState.PUBLISHED),
    NeedAction.FULFIL: (frozenset({NeedState.CLAIMED}), NeedState.FULFILLED),
    NeedAction.CONFIRM: (frozenset({NeedState.FULFILLED}), NeedState.CONFIRMED),
}

OPEN_STATES = frozenset({NeedState.POSTED, NeedState.PUBLISHED, NeedState.CLAIMED})


def allowed_actions(state: NeedState) -> list[str]:
    return [a.value for a, (sources, _) in TRANSITIONS.items() if state in sources]


def target_state(need: Need, action: NeedAction) -> NeedState:
    """The state ``action`` leads to from the need's state, or ``InvalidTransitionError``."""
    sources, target = TRANSITIONS[action]
    if need.state not in sources:
        raise InvalidTransitionError(
            state=need.state.value,
            action=action.value,
            allowed=allowed_actions(need.state),
            kind=NeedAction,
        )
    return target


async def transition(
    need: Need,
    action: NeedAction,
    *,
    actor_user_id: int | None,
    changes: dict[str, Any] | None = None,
    note: str = "",
    detail: Any = None,
) -> Need:
    """Apply ``action`` (and ``changes``) if nobody changed the need since it was read."""
    target = target_state(need, action)
    values: dict[str, Any] = {**(changes or {}), "state": target, "updated_at": moment()}
    async with in_transaction():
        updated = await Need.filter(id=need.id, version=need.version).update(
            **values, version=need.version + 1
        )
        if updated != 1:
            raise ConflictError(
                "The need changed meanwhile (someone else acted on it first); reload and retry"
            )
        await NeedEvent.create(
            need_id=need.id,
            action=action,
            from_state=need.state,
            to_state=target,
            actor_user_id=actor_user_id,
            note=note,
            detail=detail,
        )
    for key, value in values.items():
        setattr(need, key, value)
    need.version += 1
    return need

"""What every case verb shares: the actor, the version-guarded state change with its one
event, input cleaning, and telling people."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain import case_month_figures as month_figures
from domain.case_workflow import transition
from domain.clock import moment as now
from domain.error_codes import InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from models.case_records import CaseEvent, Notification
from models.cases import Case
from models.enums import CaseAction, NotificationKind

STALE_MESSAGE = "The case was changed meanwhile; reload it and try again"


@dataclass(frozen=True)
class CaseActor:
    """Who acts on a case, and in which role (recorded on the event)."""

    user_id: int | None
    token_id: int | None = None
    person_id: int | None = None
    role: str = "system"


SYSTEM = CaseActor(user_id=None, role="system")


def clean_text(value: str, *, field: str, max_length: int = 2000, required: bool = True) -> str:
    """Trimmed text; required text must not be blank."""
    cleaned = value.strip()
    if required and not cleaned:
        raise ValidationFailedError.one(field, "Must not be empty", InputErrorCode.REQUIRED)
    if len(cleaned) > max_length:
        raise ValidationFailedError.one(
            field, f"At most {max_length} characters", InputErrorCode.TOO_LONG
        )
    return cleaned


def check_version(case: Case, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != case.version:
        raise ConflictError(STALE_MESSAGE)


async def record(
    case: Case,
    action: CaseAction,
    actor: CaseActor,
    *,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    payload: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> CaseEvent:
    """Take ``action``'s edge from the case's state: one guarded UPDATE and one event.

    The case's counts in its month's figures move with it (``domain/case_month_figures``).
    Call inside the verb's transaction, before its other writes: the UPDATE only matches
    the version the caller read, so of two concurrent actions exactly one goes through and
    the other gets ``ConflictError`` (on SQLite too, which ignores SELECT … FOR UPDATE).
    """
    edge = transition(case.state, action)
    values = {**(changes or {}), "state": edge.to, "version": case.version + 1}
    values["updated_at"] = at or now()
    updated = await Case.filter(id=case.id, version=case.version).update(**values)
    if updated != 1:
        raise ConflictError(STALE_MESSAGE)
    from_state = case.state
    counted_before = month_figures.snapshot(case)
    for name, value in values.items():
        setattr(case, name, value)
    await month_figures.apply(counted_before, month_figures.snapshot(case))
    return await CaseEvent.create(
        case_id=case.id,
        action=action,
        from_state=from_state,
        to_state=edge.to,
        actor_user_id=actor.user_id,
        actor_token_id=actor.token_id,
        role=actor.role,
        reason=reason,
        payload=payload or {},
    )


async def notify(
    user_ids: Iterable[int | None], kind: NotificationKind, case: Case, message: str
) -> None:
    """One notification per distinct user (inside the verb's transaction)."""
    recipients = sorted({u for u in user_ids if u is not None})
    if recipients:
        await Notification.bulk_create(
            [
                Notification(recipient_id=u, kind=kind, case_id=case.id, message=message[:200])
                for u in recipients
            ]
        )

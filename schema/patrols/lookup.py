"""Fetching the patrols, findings and visits a mutation's input names, as the caller sees them."""

from __future__ import annotations

from domain.errors import NotFoundError, PermissionDeniedError
from models.patrols import Patrol, PatrolFinding, Visit
from permissions.rows import visible
from schema.context import Info
from schema.relay import parse_pk


async def own_patrol(info: Info, global_id: str, *, field: str) -> Patrol:
    """A patrol the caller sees; only its own worker may go on with it."""
    pk = parse_pk(global_id, field=field, expected="Patrol")
    row = await visible(Patrol, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("Patrol", global_id, field=field)
    if row.worker_user_id != info.context.viewer.user_id:
        raise PermissionDeniedError("Only the worker on this round may change it")
    return row


async def visible_finding(info: Info, global_id: str, *, field: str) -> PatrolFinding:
    pk = parse_pk(global_id, field=field, expected="PatrolFinding")
    row = await visible(PatrolFinding, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("PatrolFinding", global_id, field=field)
    return row


async def visible_visit(info: Info, global_id: str, *, field: str) -> Visit:
    pk = parse_pk(global_id, field=field, expected="Visit")
    row = await visible(Visit, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("Visit", global_id, field=field)
    return row

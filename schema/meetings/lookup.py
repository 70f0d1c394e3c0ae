"""Fetching the meeting a mutation's input names; changing it needs ``meeting.update`` there."""

from __future__ import annotations

from domain.errors import NotFoundError
from models.meetings import Meeting
from permissions.enums import Action, Resource
from permissions.rows import visible
from schema.context import Info
from schema.guards import require
from schema.relay import parse_pk


async def meeting_to_change(info: Info, global_id: str, *, field: str) -> Meeting:
    pk = parse_pk(global_id, field=field, expected="Meeting")
    row = await visible(Meeting, info.context.viewer).filter(id=pk).first()
    if row is None:
        raise NotFoundError("Meeting", global_id, field=field)
    require(info, Resource.MEETING, Action.UPDATE, row.place_path)
    return row

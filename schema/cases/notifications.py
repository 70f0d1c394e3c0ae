"""Notifications: what a user must act on or know about."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from models.case_records import Notification
from models.enums import NotificationKind
from schema.cases.access import fetch_visible_cases
from schema.cases.types import CaseType
from schema.context import Info
from schema.relay import Node, register_node, to_global_id


@strawberry.type(name="Notification", description="Something you must act on or know about.")
class NotificationType(Node):
    kind: NotificationKind = strawberry.field(description="Why you are told.")
    message: str = strawberry.field(description="What happened.")
    read_at: datetime | None = strawberry.field(description="When you marked it read.")
    created_at: datetime = strawberry.field(description="When.")
    model: strawberry.Private[Notification]

    @classmethod
    def from_model(cls, row: Notification) -> NotificationType:
        return cls(
            id=to_global_id("Notification", row.id),
            kind=row.kind,
            message=row.message,
            read_at=row.read_at,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The case it is about, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        if self.model.case_id is None:
            return None
        found = await fetch_visible_cases(info.context.viewer, [self.model.case_id])
        row = found.get(self.model.case_id)
        return CaseType.from_model(row) if row else None


async def _fetch_notifications(info: Any, ids: list[int]) -> list[Any]:
    """Only the caller's own notifications, like ``myNotifications``."""
    user_id = info.context.viewer.user_id
    mine = Notification.filter(recipient_id=user_id if user_id is not None else -1, id__in=ids)
    rows = {n.id: n for n in await mine}
    return [NotificationType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("Notification", _fetch_notifications)

"""Notifications: what a user must act on or know about."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from models.case_records import Notification
from models.enums import NotificationKind
from schema.cases.access import fetch_visible_cases
from schema.cases.types import CaseType
from schema.relay import Node, to_global_id


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

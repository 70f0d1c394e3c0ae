"""markNotificationRead: mark one of your notifications as read."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.notifications import mark_read
from schema.cases.notifications import NotificationType
from schema.context import Info
from schema.errors import NotFound, ValidationFailed
from schema.relay import parse_pk


@strawberry.input(description="A notification to mark read.")
class MarkNotificationReadInput:
    notification_id: strawberry.ID = strawberry.field(description="One of your notifications.")


@strawberry.type(description="The notification is marked read.")
class NotificationRead:
    notification: NotificationType = strawberry.field(description="The notification.")


MarkNotificationReadResult = Annotated[
    NotificationRead | NotFound | ValidationFailed,
    strawberry.union(
        "MarkNotificationReadResult", description="The result of markNotificationRead."
    ),
]


async def mark_notification_read_mutation(
    info: Info, input: MarkNotificationReadInput
) -> MarkNotificationReadResult:
    field = "notificationId"
    pk = parse_pk(input.notification_id, field=field, expected="Notification")
    row = await mark_read(
        pk=pk,
        recipient_id=info.context.viewer.user_id,
        shown_id=input.notification_id,
        field=field,
    )
    return NotificationRead(notification=NotificationType.from_model(row))

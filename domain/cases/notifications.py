"""What a recipient does with their notifications."""

from __future__ import annotations

from domain.clock import moment
from domain.errors import NotFoundError
from models.case_records import Notification


async def mark_read(
    *, pk: int, recipient_id: int | None, shown_id: str, field: str
) -> Notification:
    """Mark the recipient's own notification read (once; again is a no-op). Another's, or one
    that does not exist, is ``NotFoundError`` under ``shown_id`` (as the caller named it)."""
    row = await Notification.get_or_none(id=pk, recipient_id=recipient_id or -1)
    if row is None:
        raise NotFoundError("Notification", shown_id, field=field)
    if row.read_at is None:
        row.read_at = moment()
        await row.save(update_fields=["read_at"])
    return row

"""What happens to a case: its events, dispatches, extensions, files, ratings, notifications."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.auth import User
from models.cases import Case
from models.enums import (
    AttachmentKind,
    CaseAction,
    CaseState,
    DispatchState,
    ExtensionState,
    NotificationKind,
)
from models.org import Department
from models.people import Person


class CaseEvent(Model):
    """One step of a case's history. Append-only: the database refuses UPDATE and DELETE."""

    id = fields.IntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "models.Case", related_name="events", on_delete=fields.RESTRICT, description="The case"
    )
    action = fields.CharEnumField(CaseAction, max_length=24, description="What was done")
    from_state = fields.CharEnumField(
        CaseState, max_length=16, null=True, description="State before, null on submission"
    )
    to_state = fields.CharEnumField(CaseState, max_length=16, description="State after")
    actor_user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="case_events",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who did it, null for the system",
    )
    actor_token_id = fields.IntField(null=True, description="Or which partner app's token")
    role = fields.CharField(max_length=32, description="The role acted in, or system or reporter")
    reason = fields.TextField(default="", description="Why, in the actor's words")
    payload: Any = fields.JSONField(default=dict, description="The action's details")
    created_at = fields.DatetimeField(auto_now_add=True, description="When")

    case_id: int
    actor_user_id: int | None

    class Meta:
        table = "case_event"
        indexes = (Index(fields=("case_id", "id")),)


class CaseDispatch(Model):
    """A case sent (派件) to a department or a cadre, possibly one of several summoned (吹哨报到)."""

    id = fields.IntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "models.Case", related_name="dispatches", on_delete=fields.RESTRICT, description="The case"
    )
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="case_dispatches",
        null=True,
        on_delete=fields.RESTRICT,
        description="The department it was sent to",
    )
    assignee: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="case_assignments",
        null=True,
        on_delete=fields.RESTRICT,
        description="Or the cadre it was sent to",
    )
    is_lead = fields.BooleanField(default=True, description="Leads the joint handling")
    round = fields.IntField(default=0, description="The case's reopen count when sent")
    state = fields.CharEnumField(
        DispatchState, max_length=16, default=DispatchState.PENDING, description="Its state"
    )
    dispatched_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="dispatches_sent",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who sent it",
    )
    note = fields.TextField(default="", description="Instructions to the handler")
    report_in_due_at = fields.DatetimeField(null=True, description="Report in (报到) by then")
    attended_at = fields.DatetimeField(null=True, description="When it reported in (signed)")
    handle_due_at = fields.DatetimeField(null=True, description="Resolve by then")
    deadline_warnings: Any = fields.JSONField(default=list, description="Calendar warnings")
    report_in_overdue_at = fields.DatetimeField(null=True, description="Report-in went overdue")
    handle_overdue_at = fields.DatetimeField(null=True, description="Handling went overdue")
    returned_at = fields.DatetimeField(null=True, description="When it was returned")
    return_reason = fields.TextField(default="", description="Why it was returned")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was sent")

    case_id: int
    department_id: int | None
    assignee_id: int | None
    dispatched_by_id: int | None

    class Meta:
        table = "case_dispatch"
        indexes = (
            Index(fields=("case_id", "id")),
            Index(fields=("department_id", "case_id")),
            Index(fields=("state", "report_in_due_at")),
            Index(fields=("state", "handle_due_at")),
        )


class CaseExtension(Model):
    """A request for more time (延期), decided by a cadre."""

    id = fields.IntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "models.Case", related_name="extensions", on_delete=fields.RESTRICT, description="The case"
    )
    dispatch: fields.ForeignKeyNullableRelation[CaseDispatch] = fields.ForeignKeyField(
        "models.CaseDispatch",
        related_name="extensions",
        null=True,
        on_delete=fields.RESTRICT,
        description="The dispatch that asked, if any",
    )
    days = fields.IntField(description="Working days asked for")
    reason = fields.TextField(description="Why")
    state = fields.CharEnumField(
        ExtensionState, max_length=16, default=ExtensionState.PENDING, description="Decision"
    )
    requested_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="extensions_requested",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who asked",
    )
    decided_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="extensions_decided",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who decided",
    )
    decision_note = fields.TextField(default="", description="The decision's reason")
    decided_at = fields.DatetimeField(null=True, description="When it was decided")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was asked")

    case_id: int
    dispatch_id: int | None
    requested_by_id: int | None
    decided_by_id: int | None

    class Meta:
        table = "case_extension"
        indexes = (Index(fields=("case_id", "id")),)


class CaseAttachment(Model):
    """A file attached to a case, stored on disk under the upload directory."""

    id = fields.IntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "models.Case", related_name="attachments", on_delete=fields.RESTRICT, description="The case"
    )
    kind = fields.CharEnumField(AttachmentKind, max_length=16, description="What it shows")
    filename = fields.CharField(max_length=100, description="The uploader's file name")
    content_type = fields.CharField(max_length=50, description="MIME type")
    size = fields.IntField(description="Bytes")
    sha256 = fields.CharField(max_length=64, description="SHA-256 of the content, hex")
    storage_path = fields.CharField(max_length=255, description="Path under the upload directory")
    uploaded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="case_attachments",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who uploaded it",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When")

    case_id: int

    class Meta:
        table = "case_attachment"
        indexes = (Index(fields=("case_id", "id")),)


class CaseRating(Model):
    """The reporter's rating (评价) of one round of handling."""

    id = fields.IntField(primary_key=True)
    case: fields.ForeignKeyRelation[Case] = fields.ForeignKeyField(
        "models.Case", related_name="ratings", on_delete=fields.RESTRICT, description="The case"
    )
    round = fields.IntField(description="The case's reopen count when rated")
    score = fields.IntField(description="1 to 5")
    satisfied = fields.BooleanField(description="Score 4 or 5")
    comment = fields.TextField(default="", description="What the reporter said")
    rated_by: fields.ForeignKeyNullableRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="case_ratings",
        null=True,
        on_delete=fields.RESTRICT,
        description="The reporter",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When")

    case_id: int

    class Meta:
        table = "case_rating"
        unique_together = (("case", "round"),)


class Notification(Model):
    """Something a user must act on or know about (dispatched to you, overdue, rated …)."""

    id = fields.IntField(primary_key=True)
    recipient: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="notifications",
        on_delete=fields.CASCADE,
        description="Who is told",
    )
    kind = fields.CharEnumField(NotificationKind, max_length=16, description="Why")
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="notifications",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it is about",
    )
    message = fields.CharField(max_length=200, description="What to tell them")
    read_at = fields.DatetimeField(null=True, description="When they read it")
    created_at = fields.DatetimeField(auto_now_add=True, description="When")

    recipient_id: int
    case_id: int | None

    class Meta:
        table = "notification"
        indexes = (Index(fields=("recipient_id", "id")),)

"""GraphQL types of what happens to a case: events, dispatches, extensions, files, ratings."""

from __future__ import annotations

from datetime import datetime

import strawberry

from domain.case_deadlines import DISPATCH_STEPS, is_overdue
from models.auth import User
from models.case_records import CaseAttachment, CaseDispatch, CaseEvent, CaseExtension, CaseRating
from models.enums import AttachmentKind, CaseAction, CaseState, DispatchState, ExtensionState
from models.org import Department
from models.people import Person
from schema.cases import enums as _enums  # noqa: F401  (registers the enums)
from schema.context import Info
from schema.relay import Node, to_global_id


async def _username(info: Info, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    user = await info.context.loaders.by_id(User).load(user_id)
    return user.username if user else None


async def _shown_name(info: Info, user_id: int | None) -> str | None:
    """The name of the person a user is, else their login name. Not masked: whoever sees the
    case sees its reporter's name (``Case.reporterName``) and the workers' posts are public."""
    if user_id is None:
        return None
    user = await info.context.loaders.by_id(User).load(user_id)
    if user is None:
        return None
    if user.person_id is not None:
        person = await info.context.loaders.by_id(Person).load(user.person_id)
        if person is not None:
            return person.name
    return user.username


@strawberry.type(name="CaseEvent", description="One step of a case's history; never changed.")
class CaseEventType(Node):
    action: CaseAction = strawberry.field(description="What was done.")
    from_state: CaseState | None = strawberry.field(description="State before; null at first.")
    to_state: CaseState = strawberry.field(description="State after.")
    role: str = strawberry.field(description="The role acted in, `system` or `reporter`.")
    reason: str = strawberry.field(description="Why, in the actor's words.")
    payload: strawberry.scalars.JSON = strawberry.field(description="The action's details.")
    created_at: datetime = strawberry.field(description="When.")
    model: strawberry.Private[CaseEvent]

    @classmethod
    def from_model(cls, row: CaseEvent) -> CaseEventType:
        return cls(
            id=to_global_id("CaseEvent", row.id),
            action=row.action,
            from_state=row.from_state,
            to_state=row.to_state,
            role=row.role,
            reason=row.reason,
            payload=row.payload,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(
        description="Who did it: their person's name, or the login name of an account that "
        "is no person (a department's, an admin's); null for the system and API tokens."
    )
    async def actor_name(self, info: Info) -> str | None:
        return await _shown_name(info, self.model.actor_user_id)


@strawberry.type(
    name="CaseDispatch",
    description="The case sent to a department or cadre (派件); one of several in a 吹哨报到.",
)
class CaseDispatchType(Node):
    is_lead: bool = strawberry.field(description="Leads the joint handling.")
    round: int = strawberry.field(description="The case's reopen count when it was sent.")
    state: DispatchState = strawberry.field(description="Where it stands.")
    note: str = strawberry.field(description="Instructions to the handler.")
    report_in_due_at: datetime | None = strawberry.field(description="Report in (报到) by then.")
    attended_at: datetime | None = strawberry.field(description="When it reported in (signed).")
    handle_due_at: datetime | None = strawberry.field(description="Resolve by then.")
    deadline_warnings: list[str] = strawberry.field(
        description="What the calendar could not vouch for."
    )
    returned_at: datetime | None = strawberry.field(description="When it was returned.")
    return_reason: str = strawberry.field(description="Why it was returned.")
    created_at: datetime = strawberry.field(description="When it was sent.")
    model: strawberry.Private[CaseDispatch]

    @classmethod
    def from_model(cls, row: CaseDispatch) -> CaseDispatchType:
        return cls(
            id=to_global_id("CaseDispatch", row.id),
            is_lead=row.is_lead,
            round=row.round,
            state=row.state,
            note=row.note,
            report_in_due_at=row.report_in_due_at,
            attended_at=row.attended_at,
            handle_due_at=row.handle_due_at,
            deadline_warnings=list(row.deadline_warnings or []),
            returned_at=row.returned_at,
            return_reason=row.return_reason,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The department's global ID, if sent to a department.")
    def department_id(self) -> strawberry.ID | None:
        dept = self.model.department_id
        return to_global_id("Department", dept) if dept is not None else None

    @strawberry.field(description="The department's name, if sent to a department.")
    async def department_name(self, info: Info) -> str | None:
        if self.model.department_id is None:
            return None
        row = await info.context.loaders.by_id(Department).load(self.model.department_id)
        return row.name if row else None

    @strawberry.field(description="The cadre's login name, if sent to a cadre.")
    async def assignee_name(self, info: Info) -> str | None:
        return await _username(info, self.model.assignee_id)

    @strawberry.field(description="Past its report-in or handling deadline and not done.")
    def is_overdue(self) -> bool:
        return is_overdue(self.model, DISPATCH_STEPS)


@strawberry.type(name="CaseExtension", description="A request for more time (延期).")
class CaseExtensionType(Node):
    days: int = strawberry.field(description="Working days asked for.")
    reason: str = strawberry.field(description="Why.")
    state: ExtensionState = strawberry.field(description="The decision.")
    decision_note: str = strawberry.field(description="The decision's reason.")
    decided_at: datetime | None = strawberry.field(description="When it was decided.")
    created_at: datetime = strawberry.field(description="When it was asked.")

    @classmethod
    def from_model(cls, row: CaseExtension) -> CaseExtensionType:
        return cls(
            id=to_global_id("CaseExtension", row.id),
            days=row.days,
            reason=row.reason,
            state=row.state,
            decision_note=row.decision_note,
            decided_at=row.decided_at,
            created_at=row.created_at,
        )


@strawberry.type(name="CaseAttachment", description="A file attached to a case.")
class CaseAttachmentType(Node):
    kind: AttachmentKind = strawberry.field(description="What it shows.")
    filename: str = strawberry.field(description="The uploader's file name.")
    content_type: str = strawberry.field(description="MIME type.")
    size: int = strawberry.field(description="Bytes.")
    sha256: str = strawberry.field(description="SHA-256 of the content, hex.")
    created_at: datetime = strawberry.field(description="When it was attached.")

    @classmethod
    def from_model(cls, row: CaseAttachment) -> CaseAttachmentType:
        return cls(
            id=to_global_id("CaseAttachment", row.id),
            kind=row.kind,
            filename=row.filename,
            content_type=row.content_type,
            size=row.size,
            sha256=row.sha256,
            created_at=row.created_at,
        )


@strawberry.type(name="CaseRating", description="The reporter's rating (评价) of one round.")
class CaseRatingType:
    round: int = strawberry.field(description="The case's reopen count when rated.")
    score: int = strawberry.field(description="1 to 5.")
    satisfied: bool = strawberry.field(description="Score 4 or 5.")
    comment: str = strawberry.field(description="What the reporter said.")
    created_at: datetime = strawberry.field(description="When.")

    @classmethod
    def from_model(cls, row: CaseRating) -> CaseRatingType:
        return cls(
            round=row.round,
            score=row.score,
            satisfied=row.satisfied,
            comment=row.comment,
            created_at=row.created_at,
        )

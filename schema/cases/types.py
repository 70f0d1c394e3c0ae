"""The GraphQL type of a case, with its deadlines, timeline and nested records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from tortoise.models import Model

from domain.case_deadlines import is_overdue
from domain.case_workflow import allowed_actions
from domain.validation import mask_phone
from models.case_records import CaseAttachment, CaseDispatch, CaseEvent, CaseExtension, CaseRating
from models.cases import Case, CaseCategory
from models.enums import CaseAction, CaseChannel, CaseClass, CaseState, CaseUrgency
from models.grid import GridNode
from models.people import Person
from permissions.enums import Resource
from permissions.rows import children, visible
from permissions.scope import may_see_personal
from schema.cases.access import fetch_visible_cases
from schema.cases.categories import CaseCategoryType
from schema.cases.records import (
    CaseAttachmentType,
    CaseDispatchType,
    CaseEventType,
    CaseExtensionType,
    CaseRatingType,
)
from schema.cases.viewer_actions import actions_of_viewer
from schema.context import Info
from schema.grid.types import GridType
from schema.pagination import Connection, Page, connection, paginate
from schema.relay import Node, register_node, to_global_id


@strawberry.type(description="A case's deadlines and what the calendar could not vouch for.")
class CaseDeadline:
    accept_due_at: datetime | None = strawberry.field(description="Accept (受理) by then.")
    handle_due_at: datetime | None = strawberry.field(description="Resolve (办结) by then.")
    warnings: list[str] = strawberry.field(
        description="e.g. `calendar-fallback:2027 …`: a year counted Monday–Friday."
    )
    is_overdue: bool = strawberry.field(description="The current step is past its deadline.")
    was_overdue: bool = strawberry.field(description="Some step ran past its deadline.")


@strawberry.type(name="Case", description="A concern or request (民情事项) going round the loop.")
class CaseType(Node):
    title: str = strawberry.field(description="Short title.")
    description: str = strawberry.field(description="What the reporter said.")
    case_class: CaseClass | None = strawberry.field(description="Its class, set on acceptance.")
    urgency: CaseUrgency = strawberry.field(description="How urgent.")
    channel: CaseChannel = strawberry.field(description="Where it came in.")
    state: CaseState = strawberry.field(description="Where it stands.")
    version: int = strawberry.field(description="Pass as `expectedVersion` to act on this state.")
    address: str = strawberry.field(description="Free-text address.")
    latitude: float | None = strawberry.field(description="GCJ-02 latitude.")
    longitude: float | None = strawberry.field(description="GCJ-02 longitude.")
    is_whistle: bool = strawberry.field(description="Departments were summoned (吹哨报到).")
    reopen_count: int = strawberry.field(description="Times reopened after a bad rating.")
    return_count: int = strawberry.field(description="Times a dispatch was returned (退单).")
    resolution: str = strawberry.field(description="The result of handling.")
    reply: str = strawberry.field(description="The answer to the reporter (public).")
    close_note: str = strawberry.field(description="The cadre's explanation on closing.")
    last_score: int | None = strawberry.field(description="The latest rating, 1 to 5.")
    satisfied: bool | None = strawberry.field(description="Whether the latest rating was 4–5.")
    created_at: datetime = strawberry.field(description="When it was received.")
    accepted_at: datetime | None = strawberry.field(description="When it was accepted.")
    resolved_at: datetime | None = strawberry.field(description="When it was last resolved.")
    replied_at: datetime | None = strawberry.field(description="When the reporter was answered.")
    closed_at: datetime | None = strawberry.field(description="When it was closed.")
    model: strawberry.Private[Case]

    @classmethod
    def from_model(cls, row: Case) -> CaseType:
        return cls(
            id=to_global_id("Case", row.id),
            title=row.title,
            description=row.description,
            case_class=row.case_class,
            urgency=row.urgency,
            channel=row.channel,
            state=row.state,
            version=row.version,
            address=row.address,
            latitude=row.latitude,
            longitude=row.longitude,
            is_whistle=row.is_whistle,
            reopen_count=row.reopen_count,
            return_count=row.return_count,
            resolution=row.resolution,
            reply=row.reply,
            close_note=row.close_note,
            last_score=row.last_score,
            satisfied=row.satisfied,
            created_at=row.created_at,
            accepted_at=row.accepted_at,
            resolved_at=row.resolved_at,
            replied_at=row.replied_at,
            closed_at=row.closed_at,
            model=row,
        )

    async def _grid(self, info: Info, pk: int | None) -> GridType | None:
        if pk is None:
            return None
        row = await info.context.loaders.by_id(GridNode).load(pk)
        return GridType.from_model(row) if row else None

    @strawberry.field(description="The smallest grid node known.")
    async def place(self, info: Info) -> GridType | None:
        return await self._grid(info, self.model.place_id)

    @strawberry.field(description="The building, if known.")
    async def building(self, info: Info) -> GridType | None:
        return await self._grid(info, self.model.building_id)

    @strawberry.field(description="The place it was last escalated to.")
    async def escalated_to(self, info: Info) -> GridType | None:
        return await self._grid(info, self.model.escalated_to_id)

    @strawberry.field(description="Its category.")
    async def category(self, info: Info) -> CaseCategoryType | None:
        if self.model.category_id is None:
            return None
        row = await info.context.loaders.by_id(CaseCategory).load(self.model.category_id)
        return CaseCategoryType.from_model(row) if row else None

    @strawberry.field(description="The reporter's name.")
    async def reporter_name(self, info: Info) -> str:
        if self.model.reporter_id is None:
            return self.model.reporter_name
        person = await info.context.loaders.by_id(Person).load(self.model.reporter_id)
        return person.name if person else ""

    @strawberry.field(description="The reporter's phone, masked unless you may see it whole.")
    async def reporter_phone(self, info: Info) -> str:
        phone = self.model.reporter_phone
        if self.model.reporter_id is not None:
            person = await info.context.loaders.by_id(Person).load(self.model.reporter_id)
            phone = person.phone if person else ""
        viewer = info.context.viewer
        whole = may_see_personal(
            viewer, Resource.PERSON, self.model.place_path, self.model.reporter_id
        )
        return phone if whole else mask_phone(phone) if phone else ""

    @strawberry.field(description="Deadlines, overdue flags and calendar warnings.")
    def deadline(self) -> CaseDeadline:
        row = self.model
        return CaseDeadline(
            accept_due_at=row.accept_due_at,
            handle_due_at=row.handle_due_at,
            warnings=list(row.deadline_warnings or []),
            is_overdue=is_overdue(row),
            was_overdue=row.was_overdue,
        )

    @strawberry.field(description="The current step is past its deadline.")
    def is_overdue(self) -> bool:
        return is_overdue(self.model)

    @strawberry.field(
        description="Actions the workflow allows from the current state, whoever asks.",
        deprecation_reason="Lists actions the caller may not take; use viewerActions.",
    )
    def allowed_actions(self) -> list[CaseAction]:
        return allowed_actions(self.model.state)

    @strawberry.field(
        description=(
            "The actions you may take on this case now: its state allows them (the transition "
            "table) and you hold the role for them here, as the reporter, or through your "
            "department's active dispatch. The mutations ask the same question, so each action "
            "listed succeeds given valid input (signForCase and returnCase through your own "
            "dispatch; decideExtension needs a pending request). rateCase and verifyCase lead "
            "to one of several actions; each outcome open to you is listed."
        )
    )
    async def viewer_actions(self, info: Info) -> list[CaseAction]:
        return await actions_of_viewer(info, self.model)

    @connection(description="Every step of its history, oldest first.")
    async def timeline(self, page: Page) -> Connection[CaseEventType]:
        return await paginate(children(CaseEvent, self.model), CaseEventType.from_model, page)

    @strawberry.field(description="Every dispatch (派件), oldest first.")
    async def dispatches(self, info: Info) -> list[CaseDispatchType]:
        rows = await info.context.loaders.children(CaseDispatch, "case_id").load(self.model.id)
        return [CaseDispatchType.from_model(r) for r in rows]

    @strawberry.field(description="Attached files, oldest first.")
    async def attachments(self, info: Info) -> list[CaseAttachmentType]:
        rows = await info.context.loaders.children(CaseAttachment, "case_id").load(self.model.id)
        return [CaseAttachmentType.from_model(r) for r in rows]

    @strawberry.field(description="Requests for more time, oldest first.")
    async def extensions(self, info: Info) -> list[CaseExtensionType]:
        rows = await info.context.loaders.children(CaseExtension, "case_id").load(self.model.id)
        return [CaseExtensionType.from_model(r) for r in rows]

    @strawberry.field(description="The reporter's ratings, one per round.")
    async def ratings(self, info: Info) -> list[CaseRatingType]:
        rows = await info.context.loaders.children(CaseRating, "case_id").load(self.model.id)
        return [CaseRatingType.from_model(r) for r in rows]

    @strawberry.field(description="The original this duplicate was merged into, if visible.")
    async def merged_into(self, info: Info) -> CaseType | None:
        if self.model.merged_into_id is None:
            return None
        found = await fetch_visible_cases(info.context.viewer, [self.model.merged_into_id])
        row = found.get(self.model.merged_into_id)
        return CaseType.from_model(row) if row else None

    @strawberry.field(description="Duplicates merged into this case that you may see.")
    async def duplicates(self, info: Info) -> list[CaseType]:
        rows = await visible(Case, info.context.viewer).filter(merged_into_id=self.model.id)
        return [CaseType.from_model(r) for r in sorted(rows, key=lambda r: r.id)]


async def _fetch_cases(info: Any, ids: list[int]) -> list[Any]:
    found = await fetch_visible_cases(info.context.viewer, ids)
    return [CaseType.from_model(found[i]) if i in found else None for i in ids]


def _record_fetcher(model: type[Model], wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows: dict[int, Any] = {r.pk: r for r in await model.filter(pk__in=ids)}
        cases = await fetch_visible_cases(
            info.context.viewer, sorted({r.case_id for r in rows.values()})
        )
        return [wrap(rows[i]) if i in rows and rows[i].case_id in cases else None for i in ids]

    return fetch


register_node("Case", _fetch_cases)
register_node("CaseEvent", _record_fetcher(CaseEvent, CaseEventType.from_model))
register_node("CaseDispatch", _record_fetcher(CaseDispatch, CaseDispatchType.from_model))
register_node("CaseAttachment", _record_fetcher(CaseAttachment, CaseAttachmentType.from_model))
register_node("CaseExtension", _record_fetcher(CaseExtension, CaseExtensionType.from_model))

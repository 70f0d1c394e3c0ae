"""GraphQL types of deliberation meetings (议事会)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from tortoise.expressions import Subquery

from models.enums import AttendeeKind, MeetingKind, MeetingLevel
from models.grid import Station
from models.lists import Need
from models.meetings import AgendaItem, Decision, Meeting, MeetingAttendee
from models.org import Department
from models.people import Person
from permissions.enums import Resource
from permissions.rows import children, visible
from permissions.scope import may_see_personal
from schema.cases.links import linked_case
from schema.cases.types import CaseType
from schema.context import Info
from schema.grid.types import GridType, StationType, grid_of
from schema.lists.types import NeedType
from schema.pagination import Connection, Page, connection, paginate
from schema.people_refs import ActorRef, PersonRef
from schema.relay import Node, register_node, to_global_id


async def _need(info: Info, pk: int | None) -> NeedType | None:
    if pk is None:
        return None
    row = await visible(Need, info.context.viewer).filter(id=pk).first()
    return NeedType.from_model(row) if row else None


@strawberry.type(
    name="Meeting", description="A deliberation meeting (议事会): 一月一议 or 急事随议."
)
class MeetingType(Node):
    title: str = strawberry.field(description="Title.")
    level: MeetingLevel = strawberry.field(description="Community, area or park.")
    kind: MeetingKind = strawberry.field(description="Monthly or urgent.")
    held_at: datetime = strawberry.field(description="When it is held.")
    minutes: str = strawberry.field(description="The minutes (会议纪要).")
    model: strawberry.Private[Meeting]

    @classmethod
    def from_model(cls, row: Meeting) -> MeetingType:
        return cls(
            id=to_global_id("Meeting", row.id),
            title=row.title,
            level=row.level,
            kind=row.kind,
            held_at=row.held_at,
            minutes=row.minutes,
            model=row,
        )

    @strawberry.field(description="Whose meeting it is.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The station it is held at.")
    async def station(self, info: Info) -> StationType | None:
        if self.model.station_id is None:
            return None
        row = await info.context.loaders.by_id(Station).load(self.model.station_id)
        return StationType.from_model(row) if row else None

    @connection(description="Who attended, and whom they represent.")
    async def attendees(self, page: Page) -> Connection[MeetingAttendeeType]:
        return await paginate(
            children(MeetingAttendee, self.model), MeetingAttendeeType.from_model, page
        )

    @connection(description="The agenda, in order.")
    async def agenda_items(self, page: Page) -> Connection[AgendaItemType]:
        return await paginate(children(AgendaItem, self.model), AgendaItemType.from_model, page)

    @connection(description="What it decided.")
    async def decisions(self, page: Page) -> Connection[DecisionType]:
        return await paginate(children(Decision, self.model), DecisionType.from_model, page)


@strawberry.type(name="MeetingAttendee", description="Someone at a meeting.")
class MeetingAttendeeType(Node):
    kind: AttendeeKind = strawberry.field(description="Whom they represent.")
    name: str = strawberry.field(description="Name as minuted.")
    model: strawberry.Private[MeetingAttendee]

    @classmethod
    def from_model(cls, row: MeetingAttendee) -> MeetingAttendeeType:
        return cls(
            id=to_global_id("MeetingAttendee", row.id), kind=row.kind, name=row.name, model=row
        )

    @strawberry.field(description="The department they represent.")
    async def department(self, info: Info) -> ActorRef | None:
        return await _department(info, self.model.department_id)


async def _department(info: Info, pk: int | None) -> ActorRef | None:
    if pk is None:
        return None
    row = await info.context.loaders.by_id(Department).load(pk)
    return ActorRef(id=to_global_id("Department", row.id), name=row.name) if row else None


@strawberry.type(name="AgendaItem", description="An item on a meeting's agenda.")
class AgendaItemType(Node):
    title: str = strawberry.field(description="What is to be discussed.")
    model: strawberry.Private[AgendaItem]

    @classmethod
    def from_model(cls, row: AgendaItem) -> AgendaItemType:
        return cls(id=to_global_id("AgendaItem", row.id), title=row.title, model=row)

    @strawberry.field(description="The need it was taken from, if you may see it.")
    async def need(self, info: Info) -> NeedType | None:
        return await _need(info, self.model.need_id)

    @strawberry.field(description="The case it was taken from, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        return await linked_case(info, self.model.case_id)


@strawberry.type(name="Decision", description="What a meeting decided, who does it, by when.")
class DecisionType(Node):
    text: str = strawberry.field(description="What was decided.")
    deadline: date | None = strawberry.field(description="By when.")
    model: strawberry.Private[Decision]

    @classmethod
    def from_model(cls, row: Decision) -> DecisionType:
        return cls(
            id=to_global_id("Decision", row.id),
            text=row.text,
            deadline=row.deadline,
            model=row,
        )

    @strawberry.field(description="Who carries it out.")
    async def owner(self, info: Info) -> PersonRef | None:
        if self.model.owner_id is None:
            return None
        row = await info.context.loaders.by_id(Person).load(self.model.owner_id)
        if row is None:
            return None
        meeting = await info.context.loaders.by_id(Meeting).load(self.model.meeting_id)
        path = meeting.place_path if meeting else "/"
        personal = may_see_personal(info.context.viewer, Resource.PERSON, path, row.id)
        return PersonRef.from_model(row, personal=personal)

    @strawberry.field(description="Or which department carries it out.")
    async def owner_department(self, info: Info) -> ActorRef | None:
        return await _department(info, self.model.owner_department_id)

    @strawberry.field(description="The need it created or settles, if you may see it.")
    async def need(self, info: Info) -> NeedType | None:
        return await _need(info, self.model.need_id)

    @strawberry.field(description="The case it created or updated, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        return await linked_case(info, self.model.case_id)


def _child_fetcher(model: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        meetings = visible(Meeting, info.context.viewer).values("id")
        rows = {r.id: r for r in await model.filter(id__in=ids, meeting_id__in=Subquery(meetings))}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


async def _fetch_meetings(info: Any, ids: list[int]) -> list[Any]:
    rows = {r.id: r for r in await visible(Meeting, info.context.viewer).filter(id__in=ids)}
    return [MeetingType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("Meeting", _fetch_meetings)
register_node("MeetingAttendee", _child_fetcher(MeetingAttendee, MeetingAttendeeType.from_model))
register_node("AgendaItem", _child_fetcher(AgendaItem, AgendaItemType.from_model))
register_node("Decision", _child_fetcher(Decision, DecisionType.from_model))

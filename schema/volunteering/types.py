"""GraphQL types of volunteering: activities, sign-ups, hours and party members' service records."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

import strawberry
from tortoise.expressions import Subquery

from domain.service_records import ServiceRecord
from models.enums import ListCategory, SignUpState
from models.org import VolunteerTeam
from models.people import Person
from models.volunteering import Activity, ActivitySignUp, SignUpEvent
from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.rows import children, visible
from schema.context import Info
from schema.grid.types import GridType, grid_of
from schema.lists.types import NeedType
from schema.pagination import Connection, Page, connection, paginate
from schema.patrols.types import VisitType
from schema.people_refs import ActorRef, PersonRef
from schema.relay import Node, register_node, to_global_id


@strawberry.type(name="Activity", description="A volunteer activity with its sign-ups.")
class ActivityType(Node):
    title: str = strawberry.field(description="Title.")
    description: str = strawberry.field(description="What volunteers will do.")
    category: ListCategory = strawberry.field(description="What it is about.")
    starts_at: datetime = strawberry.field(description="When it starts.")
    ends_at: datetime = strawberry.field(description="When it ends.")
    capacity: int = strawberry.field(description="How many may sign up.")
    model: strawberry.Private[Activity]

    @classmethod
    def from_model(cls, row: Activity) -> ActivityType:
        return cls(
            id=to_global_id("Activity", row.id),
            title=row.title,
            description=row.description,
            category=row.category,
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            capacity=row.capacity,
            model=row,
        )

    @strawberry.field(description="Where.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The organising team.")
    async def team(self, info: Info) -> ActorRef | None:
        if self.model.team_id is None:
            return None
        row = await info.context.loaders.by_id(VolunteerTeam).load(self.model.team_id)
        return ActorRef(id=to_global_id("VolunteerTeam", row.id), name=row.name) if row else None

    @strawberry.field(description="Places taken (sign-ups not cancelled).")
    def taken(self) -> int:
        return self.model.taken

    @connection(description="Sign-ups you may see: all for its organisers, else your own.")
    async def sign_ups(self, info: Info, page: Page) -> Connection[SignUpType]:
        query = visible(ActivitySignUp, info.context.viewer).filter(activity_id=self.model.id)
        return await paginate(query, SignUpType.from_model, page)


@strawberry.type(name="ActivitySignUp", description="A sign-up to an activity, with its hours.")
class SignUpType(Node):
    state: SignUpState = strawberry.field(description="Where it stands.")
    checked_in_at: datetime | None = strawberry.field(description="When they arrived.")
    checked_out_at: datetime | None = strawberry.field(description="When they left.")
    hours: float | None = strawberry.field(
        description="Hours served; they count only once verified."
    )
    verified_at: datetime | None = strawberry.field(description="When the organiser verified them.")
    model: strawberry.Private[ActivitySignUp]

    @classmethod
    def from_model(cls, row: ActivitySignUp) -> SignUpType:
        return cls(
            id=to_global_id("ActivitySignUp", row.id),
            state=row.state,
            checked_in_at=row.checked_in_at,
            checked_out_at=row.checked_out_at,
            hours=float(row.hours) if row.hours is not None else None,
            verified_at=row.verified_at,
            model=row,
        )

    @strawberry.field(description="Who signed up.")
    async def person(self, info: Info) -> PersonRef | None:
        row = await info.context.loaders.by_id(Person).load(self.model.person_id)
        if row is None:
            return None
        activity = await info.context.loaders.by_id(Activity).load(self.model.activity_id)
        viewer = info.context.viewer
        personal = viewer.person_id == row.id or (
            activity is not None
            and allowed(viewer, Resource.ACTIVITY, Action.READ_PERSONAL, activity.place_path)
        )
        return PersonRef.from_model(row, personal=personal)

    @strawberry.field(description="The activity.")
    async def activity(self, info: Info) -> ActivityType | None:
        row = await info.context.loaders.by_id(Activity).load(self.model.activity_id)
        return ActivityType.from_model(row) if row else None

    @connection(description="Its history, oldest first; never edited.")
    async def events(self, page: Page) -> Connection[SignUpEventType]:
        return await paginate(children(SignUpEvent, self.model), SignUpEventType.from_model, page)


@strawberry.type(name="SignUpEvent", description="One step of a sign-up's history.")
class SignUpEventType(Node):
    step: str = strawberry.field(description="sign_up, check_in, check_out, verify or cancel.")
    from_state: SignUpState | None = strawberry.field(description="State before.")
    to_state: SignUpState = strawberry.field(description="State after.")
    hours: float | None = strawberry.field(description="The hours after this step.")
    created_at: datetime = strawberry.field(description="When it happened.")

    @classmethod
    def from_model(cls, row: SignUpEvent) -> SignUpEventType:
        return cls(
            id=to_global_id("SignUpEvent", row.id),
            step=row.step,
            from_state=row.from_state,
            to_state=row.to_state,
            hours=float(row.hours) if row.hours is not None else None,
            created_at=row.created_at,
        )


@strawberry.type(name="PersonHours", description="A person's verified service hours.")
class PersonHoursType:
    person: PersonRef = strawberry.field(description="The volunteer or party member.")
    hours: float = strawberry.field(description="Verified hours.")
    is_volunteer: bool = strawberry.field(description="A registered volunteer.")
    is_party_member: bool = strawberry.field(description="A party member.")


@strawberry.type(
    name="ServiceRecord",
    description="A party member's service: contact-household visits, claims fulfilled, activities.",
)
class ServiceRecordType:
    party_member_id: strawberry.ID = strawberry.field(description="The party member.")
    name: str = strawberry.field(description="Their name.")
    hours: float = strawberry.field(description="Verified activity hours, all time.")
    record: strawberry.Private[ServiceRecord]

    @connection(description="Visits to their contact households (联系户).")
    async def contact_visits(self, page: Page) -> Connection[VisitType]:
        return await paginate(self.record.contact_visits, VisitType.from_model, page)

    @connection(description="Needs they claimed and fulfilled.")
    async def claims_fulfilled(self, page: Page) -> Connection[NeedType]:
        return await paginate(self.record.claims_fulfilled, NeedType.from_model, page)

    @connection(description="Activities they served in, with verified hours.")
    async def activities(self, page: Page) -> Connection[SignUpType]:
        return await paginate(self.record.activities, SignUpType.from_model, page)


def _fetcher(queryset_for: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = {r.id: r for r in await queryset_for(info.context.viewer).filter(id__in=ids)}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


register_node("Activity", _fetcher(partial(visible, Activity), ActivityType.from_model))
register_node("ActivitySignUp", _fetcher(partial(visible, ActivitySignUp), SignUpType.from_model))


async def _fetch_sign_up_events(info: Any, ids: list[int]) -> list[Any]:
    seen = Subquery(visible(ActivitySignUp, info.context.viewer).values("id"))
    rows = {r.id: r for r in await SignUpEvent.filter(id__in=ids, sign_up_id__in=seen)}
    return [SignUpEventType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("SignUpEvent", _fetch_sign_up_events)

"""Query fields of volunteering: activities, sign-ups, hours, party members' service records."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from domain.clock import moment as now
from domain.error_codes import InputErrorCode
from domain.errors import NotFoundError, ValidationFailedError
from domain.service_records import hours_by_person, hours_of_person, service_record
from domain.visits import month_of
from domain.volunteering import not_over
from models.grid import GridNode
from models.lists import Need
from models.org import PartyMember, Volunteer
from models.patrols import Visit
from models.people import Person
from models.volunteering import Activity, ActivitySignUp
from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.rows import visible
from schema.args import PlaceArg
from schema.context import Info
from schema.guards import require
from schema.lookup import filter_to_subtree, visible_grid
from schema.pagination import MAX_PAGE_SIZE, Connection, Page, connection, paginate
from schema.people_refs import PersonRef
from schema.relay import parse_pk, to_global_id
from schema.volunteering.types import ActivityType, PersonHoursType, ServiceRecordType, SignUpType


@strawberry.type
class VolunteeringQueries:
    @connection(
        description="Volunteer activities, announced to everyone; soonest last.", backwards=True
    )
    async def activities(
        self,
        info: Info,
        page: Page,
        place_id: PlaceArg = None,
        upcoming: Annotated[
            bool, strawberry.argument(description="Only those not yet over.")
        ] = False,
    ) -> Connection[ActivityType]:
        query = visible(Activity, info.context.viewer)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        if upcoming:
            query = not_over(query, now())
        return await paginate(query, ActivityType.from_model, page)

    @connection(description="Sign-ups you may see: your own, and those you organise.")
    async def sign_ups(
        self,
        info: Info,
        page: Page,
        activity_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this activity.")
        ] = None,
    ) -> Connection[SignUpType]:
        query = visible(ActivitySignUp, info.context.viewer)
        if activity_id is not None:
            query = query.filter(
                activity_id=parse_pk(activity_id, field="activityId", expected="Activity")
            )
        return await paginate(query, SignUpType.from_model, page)

    @strawberry.field(
        description="Verified service hours per volunteer and party member living under a place."
    )
    async def volunteer_hours(
        self,
        info: Info,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place.")],
        month: Annotated[
            date | None, strawberry.argument(description="Any day of a month; all time if omitted.")
        ] = None,
        first: Annotated[
            int,
            strawberry.argument(description="At most this many people (≤ 100), most hours first."),
        ] = 20,
    ) -> list[PersonHoursType]:
        if not 0 <= first <= MAX_PAGE_SIZE:
            raise ValidationFailedError.one(
                "first", "Between 0 and 100", InputErrorCode.OUT_OF_RANGE
            )
        place = await visible_grid(info, place_id, field="placeId")
        require(info, Resource.VOLUNTEER, Action.READ, place.path)
        rows = (await hours_by_person(place.path, month=month_of(month) if month else None))[:first]
        ids = [r.person_id for r in rows]
        people = {p.id: p for p in await Person.filter(id__in=ids)}
        volunteers = set(
            await Volunteer.filter(person_id__in=ids).values_list("person_id", flat=True)
        )
        members = set(
            await PartyMember.filter(person_id__in=ids).values_list("person_id", flat=True)
        )
        personal = allowed(info.context.viewer, Resource.PERSON, Action.READ_PERSONAL, place.path)
        return [
            PersonHoursType(
                person=PersonRef.from_model(people[r.person_id], personal=personal),
                hours=float(r.hours),
                is_volunteer=r.person_id in volunteers,
                is_party_member=r.person_id in members,
            )
            for r in rows
        ]

    @strawberry.field(
        description="A party member's service record; yours, or one of your places' members."
    )
    async def service_record(
        self,
        info: Info,
        party_member_id: Annotated[
            strawberry.ID, strawberry.argument(description="The party member.")
        ],
    ) -> ServiceRecordType | None:
        pk = parse_pk(party_member_id, field="partyMemberId", expected="PartyMember")
        member = await PartyMember.get_or_none(id=pk)
        if member is None:
            raise NotFoundError("PartyMember", party_member_id, field="partyMemberId")
        person = await Person.get(id=member.person_id)
        place = await GridNode.get(id=person.place_id)
        viewer = info.context.viewer
        if viewer.person_id != person.id and not allowed(
            viewer, Resource.PARTY_MEMBER, Action.READ, place.path
        ):
            raise NotFoundError("PartyMember", party_member_id, field="partyMemberId")
        return ServiceRecordType(
            party_member_id=to_global_id("PartyMember", member.id),
            name=person.name,
            hours=float(await hours_of_person(person.id)),
            record=service_record(
                member,
                visits=visible(Visit, viewer),
                needs=visible(Need, viewer),
                sign_ups=visible(ActivitySignUp, viewer),
            ),
        )

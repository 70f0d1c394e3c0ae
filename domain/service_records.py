"""Service hours of volunteers and party members, and a party member's service record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.expressions import Subquery
from tortoise.functions import Sum
from tortoise.queryset import QuerySet

from domain.coverage import month_bounds
from domain.tree import subtree_filter
from models.enums import NeedState, SignUpState
from models.lists import Need
from models.org import PartyMember, PartyMemberContact
from models.patrols import Visit
from models.volunteering import ActivitySignUp


@dataclass(frozen=True)
class PersonHours:
    person_id: int
    hours: Decimal


def verified_sign_ups(month: date | None = None) -> QuerySet[ActivitySignUp]:
    """Sign-ups whose hours count: verified by the organiser (of activities in ``month``)."""
    query = ActivitySignUp.filter(state=SignUpState.VERIFIED)
    if month is not None:
        start, end = month_bounds(month)
        query = query.filter(activity__starts_at__gte=start, activity__starts_at__lt=end)
    return query


async def hours_by_person(
    place_path: str, *, month: date | None = None, person_ids: list[int] | None = None
) -> list[PersonHours]:
    """Verified hours per person living in the subtree, most first (ties by person id)."""
    query = verified_sign_ups(month).filter(**subtree_filter("person__place__path", place_path))
    if person_ids is not None:
        query = query.filter(person_id__in=person_ids)
    rows = (
        await query.annotate(total=Sum("hours")).group_by("person_id").values("person_id", "total")
    )
    found = [PersonHours(r["person_id"], Decimal(str(r["total"] or 0))) for r in rows]
    found.sort(key=lambda h: (-h.hours, h.person_id))
    return found


async def hours_of_person(person_id: int, *, month: date | None = None) -> Decimal:
    rows = (
        await verified_sign_ups(month).filter(person_id=person_id).values_list("hours", flat=True)
    )
    return sum((Decimal(str(h)) for h in rows if h is not None), Decimal(0))


@dataclass(frozen=True)
class ServiceRecord:
    """What a party member did: contact-household visits, claims fulfilled, activities."""

    member: PartyMember
    contact_visits: QuerySet[Visit]
    claims_fulfilled: QuerySet[Need]
    activities: QuerySet[ActivitySignUp]


def service_record(
    member: PartyMember,
    *,
    visits: QuerySet[Visit] | None = None,
    needs: QuerySet[Need] | None = None,
    sign_ups: QuerySet[ActivitySignUp] | None = None,
) -> ServiceRecord:
    """What ``member`` did, out of all rows, or out of those given (the ones a viewer may see:
    narrowing them keeps each query on the member's own index)."""
    contacts = PartyMemberContact.filter(member_id=member.id).values("household_id")
    return ServiceRecord(
        member=member,
        contact_visits=(Visit.all() if visits is None else visits).filter(
            visitor_person_id=member.person_id, household_id__in=Subquery(contacts)
        ),
        claims_fulfilled=(Need.all() if needs is None else needs).filter(
            claimant_party_member_id=member.id,
            state__in=[NeedState.FULFILLED, NeedState.CONFIRMED],
        ),
        activities=(ActivitySignUp.all() if sign_ups is None else sign_ups).filter(
            state=SignUpState.VERIFIED, person_id=member.person_id
        ),
    )

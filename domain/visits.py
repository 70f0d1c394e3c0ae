"""Monthly visits (六访) to key-group households, and what was found becoming a need."""

from __future__ import annotations

from datetime import date, datetime

from tortoise.transactions import in_transaction

from domain.clock import moment as now
from domain.error_codes import PatrolErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.needs.post import NeedDraft, post_need
from models.grid import GridNode
from models.lists import Need
from models.patrols import Visit
from models.people import Person


def month_of(moment: date | datetime) -> date:
    return date(moment.year, moment.month, 1)


def next_month(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


async def record_visit(
    *,
    person: Person,
    visitor_user_id: int,
    visitor_person_id: int | None,
    visited_at: datetime | None = None,
    notes: str = "",
    found: str = "",
) -> Visit:
    moment = visited_at or now()
    if moment > now():
        raise ValidationFailedError.one(
            "visitedAt", "A visit cannot be in the future", PatrolErrorCode.FUTURE
        )
    place = await GridNode.get(id=person.place_id)
    return await Visit.create(
        person_id=person.id,
        household_id=person.household_id,
        place_id=place.id,
        place_path=place.path,
        visitor_user_id=visitor_user_id,
        visitor_person_id=visitor_person_id,
        visited_at=moment,
        month=month_of(moment),
        notes=notes.strip(),
        found=found.strip(),
    )


async def visit_to_need(*, visit: Visit, draft: NeedDraft, actor_user_id: int | None) -> Need:
    """What the visit found becomes a need of the visited person, in one transaction."""
    if visit.need_id is not None:
        raise ConflictError("This visit already became a need")
    person = await Person.get(id=visit.person_id)
    async with in_transaction():
        need = await post_need(
            draft=draft, poster=person, actor_user_id=actor_user_id, note=f"From visit {visit.id}"
        )
        updated = await Visit.filter(id=visit.id, need_id__isnull=True).update(need_id=need.id)
        if updated != 1:
            raise ConflictError("This visit already became a need")
    visit.need_id = need.id
    return need

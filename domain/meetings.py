"""Deliberation meetings (议事会): calling one, its agenda (taken from needs and cases), its
decisions (which create needs; cases: ``domain/case_links.py``), and its minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tortoise.transactions import in_transaction

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from domain.needs.post import NeedDraft, post_need
from domain.validation import clean_name
from models.cases import Case
from models.enums import AttendeeKind, MeetingKind, MeetingLevel
from models.grid import GridNode, Station
from models.lists import Need
from models.meetings import AgendaItem, Decision, Meeting, MeetingAttendee
from models.org import Department
from models.people import Person


@dataclass(frozen=True)
class AttendeeDraft:
    kind: AttendeeKind
    name: str
    person: Person | None = None
    department: Department | None = None


async def create_meeting(
    *,
    title: str,
    level: MeetingLevel,
    kind: MeetingKind,
    place: GridNode,
    held_at: datetime,
    station: Station | None,
    attendees: list[AttendeeDraft],
    organiser_user_id: int | None,
) -> Meeting:
    title = clean_name(title, field="title")
    if station is not None and not (await GridNode.get(id=station.grid_id)).path.startswith(
        place.path
    ):
        raise ValidationFailedError.one(
            "stationId", "The station must lie in the meeting's place", InputErrorCode.OUTSIDE_PLACE
        )
    async with in_transaction():
        meeting = await Meeting.create(
            title=title,
            level=level,
            kind=kind,
            place_id=place.id,
            place_path=place.path,
            station_id=station.id if station else None,
            held_at=held_at,
            organiser_user_id=organiser_user_id,
        )
        for index, attendee in enumerate(attendees):
            await MeetingAttendee.create(
                meeting_id=meeting.id,
                kind=attendee.kind,
                name=clean_name(attendee.name, field=f"attendees.{index}.name", max_length=50),
                person_id=attendee.person.id if attendee.person else None,
                department_id=attendee.department.id if attendee.department else None,
            )
    return meeting


async def add_agenda_item(
    *, meeting: Meeting, title: str, need: Need | None = None, case: Case | None = None
) -> AgendaItem:
    if need is not None and not need.place_path.startswith(meeting.place_path):
        raise ValidationFailedError.one(
            "needId", "The need must lie in the meeting's place", InputErrorCode.OUTSIDE_PLACE
        )
    if case is not None and not case.place_path.startswith(meeting.place_path):
        raise ValidationFailedError.one(
            "caseId", "The case must lie in the meeting's place", InputErrorCode.OUTSIDE_PLACE
        )
    return await AgendaItem.create(
        meeting_id=meeting.id,
        title=clean_name(title, field="title", max_length=200),
        need_id=need.id if need else None,
        case_id=case.id if case else None,
    )


async def record_decision(
    *,
    meeting: Meeting,
    text: str,
    agenda_item: AgendaItem | None,
    owner: Person | None,
    owner_department: Department | None,
    deadline: date | None,
    new_need: NeedDraft | None,
    need_poster: Person | None,
    actor_user_id: int | None,
) -> Decision:
    """A decision; with ``new_need`` it also posts that need in the same transaction."""
    text = text.strip()
    if not text:
        raise ValidationFailedError.one("text", "Say what was decided", InputErrorCode.REQUIRED)
    if agenda_item is not None and agenda_item.meeting_id != meeting.id:
        raise ValidationFailedError.one(
            "agendaItemId", "Not an item of this meeting", InputErrorCode.MISMATCH
        )
    if new_need is not None and need_poster is None:
        raise ValidationFailedError.one(
            "newNeed.posterId", "A need belongs to a resident: name them", InputErrorCode.REQUIRED
        )
    async with in_transaction():
        need_id = agenda_item.need_id if agenda_item else None
        if new_need is not None and need_poster is not None:
            need = await post_need(
                draft=new_need,
                poster=need_poster,
                actor_user_id=actor_user_id,
                note=f"Decided at meeting {meeting.id}",
            )
            need_id = need.id
        return await Decision.create(
            meeting_id=meeting.id,
            agenda_item_id=agenda_item.id if agenda_item else None,
            text=text,
            owner_id=owner.id if owner else None,
            owner_department_id=owner_department.id if owner_department else None,
            deadline=deadline,
            need_id=need_id,
        )


async def write_minutes(*, meeting: Meeting, minutes: str) -> Meeting:
    meeting.minutes = minutes.strip()
    await meeting.save(update_fields=["minutes"])
    return meeting

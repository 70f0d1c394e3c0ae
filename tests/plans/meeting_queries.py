"""Query plans of deliberation meetings with their attendees, agenda and decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial

from models.enums import AttendeeKind, MeetingKind, MeetingLevel
from models.meetings import AgendaItem, Decision, Meeting, MeetingAttendee
from permissions.enums import Role
from tests.plans.plan import Seeded, by_global_id, connection


async def seed_meetings(seeded: Seeded) -> Seeded:
    """The north's monthly meeting at a station: the department and the household head
    attend, the published need and the case are on the agenda, and a decision settles each."""
    north, department = seeded["north"], seeded["department"]
    meeting = await Meeting.create(
        title="三月议事会",
        level=MeetingLevel.COMMUNITY,
        kind=MeetingKind.MONTHLY,
        place=north,
        place_path=north.path,
        station=seeded["station"],
        held_at=datetime.now(UTC),
        organiser_user_id=0,
    )
    attendee = await MeetingAttendee.create(
        meeting=meeting, kind=AttendeeKind.DEPARTMENT, name="城管刘", department=department
    )
    await MeetingAttendee.create(
        meeting=meeting, kind=AttendeeKind.RESIDENT, name="张三", person=seeded["head"]
    )
    item = await AgendaItem.create(
        meeting=meeting, title="水管漏水", need=seeded["published_need"], case=seeded["case"]
    )
    decision = await Decision.create(
        meeting=meeting,
        agenda_item=item,
        text="物业三日内维修",
        owner=seeded["worker"],
        owner_department=department,
        deadline=date(2026, 4, 1),
        need=seeded["published_need"],
        case=seeded["case"],
    )
    return {"meeting": meeting, "attendee": attendee, "item": item, "decision": decision}


async def own_meetings(seeded: Seeded, user_id: int) -> None:
    """The caller called the meeting."""
    await Meeting.all().update(organiser_user_id=user_id)


cadre = partial(connection, role=Role.COMMUNITY_CADRE, place="north")

MEETING = """title place { name } station { name }
             attendees { totalCount nodes { name department { name } } }
             agendaItems { totalCount nodes { title need { title } case { title } } }
             decisions { totalCount nodes { text owner { name } ownerDepartment { name }
                                            need { title } case { title } } }"""

MEETING_QUERIES = [
    cadre("meetings", "meetings", MEETING),
    cadre("meetings of a place", "meetings", "title", args="placeId: $id", ids={"id": "north_id"}),
    cadre("meetings by kind", "meetings", "title", args="kind: MONTHLY"),
    connection(
        "meetings a grid worker sees: their grid's and those they called",
        "meetings",
        "title",
        role=Role.GRID_WORKER,
        place="south_grid",
        prepare=own_meetings,
    ),
    by_global_id(
        "meetings and their records by global id",
        """... on Meeting { title } ... on MeetingAttendee { name } ... on AgendaItem { title }
           ... on Decision { text }""",
        lambda s: [
            ("Meeting", s["meeting"]),
            ("MeetingAttendee", s["attendee"]),
            ("AgendaItem", s["item"]),
            ("Decision", s["decision"]),
        ],
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

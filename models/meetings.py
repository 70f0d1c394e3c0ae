"""Deliberation meetings (议事会): attendees, agenda items, decisions and minutes."""

from datetime import date

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.cases import Case
from models.enums import AttendeeKind, MeetingKind, MeetingLevel
from models.grid import GridNode, Station
from models.lists import Need
from models.org import Department
from models.people import Person


class Meeting(Model):
    """A deliberation meeting: 一月一议 (monthly) or 急事随议 (urgent)."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=100, description="Title")
    level = fields.CharEnumField(MeetingLevel, max_length=16, description="Community, area or park")
    kind = fields.CharEnumField(MeetingKind, max_length=16, description="Monthly or urgent")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="meetings",
        on_delete=fields.RESTRICT,
        description="Whose meeting",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    station: fields.ForeignKeyNullableRelation[Station] = fields.ForeignKeyField(
        "models.Station",
        related_name="meetings",
        null=True,
        on_delete=fields.RESTRICT,
        description="Where it is held",
    )
    held_at = fields.DatetimeField(description="When it is held")
    minutes = fields.TextField(default="", description="The minutes (会议纪要)")
    organiser_user_id = fields.IntField(null=True, description="Who called it")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    place_id: int
    station_id: int | None

    class Meta:
        table = "meeting"
        indexes = (
            Index(fields=("place_path", "held_at")),
            Index(fields=("organiser_user_id", "id")),
        )


class MeetingAttendee(Model):
    """Someone at a meeting, and whom they represent."""

    id = fields.IntField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting",
        related_name="attendees",
        on_delete=fields.RESTRICT,
        description="The meeting",
    )
    kind = fields.CharEnumField(AttendeeKind, max_length=16, description="Whom they represent")
    name = fields.CharField(max_length=50, description="Name as minuted")
    person: fields.ForeignKeyNullableRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="meetings_attended",
        null=True,
        on_delete=fields.RESTRICT,
        description="The person, when recorded",
    )
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="meetings_attended",
        null=True,
        on_delete=fields.RESTRICT,
        description="The department they represent",
    )

    meeting_id: int
    person_id: int | None
    department_id: int | None

    class Meta:
        table = "meeting_attendee"
        indexes = (Index(fields=("meeting_id", "id")),)


class AgendaItem(Model):
    """An item on a meeting's agenda, taken from a need or a case."""

    id = fields.IntField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting",
        related_name="agenda_items",
        on_delete=fields.RESTRICT,
        description="The meeting",
    )
    title = fields.CharField(max_length=200, description="What is to be discussed")
    need: fields.ForeignKeyNullableRelation[Need] = fields.ForeignKeyField(
        "models.Need",
        related_name="agenda_items",
        null=True,
        on_delete=fields.RESTRICT,
        description="The need it was taken from",
    )
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="agenda_items",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it was taken from",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was added")

    meeting_id: int
    need_id: int | None
    case_id: int | None

    class Meta:
        table = "agenda_item"
        indexes = (Index(fields=("meeting_id", "id")),)


class Decision(Model):
    """What a meeting decided, with an owner and a deadline, and the work it created."""

    id = fields.IntField(primary_key=True)
    meeting: fields.ForeignKeyRelation[Meeting] = fields.ForeignKeyField(
        "models.Meeting",
        related_name="decisions",
        on_delete=fields.RESTRICT,
        description="The meeting",
    )
    agenda_item: fields.ForeignKeyNullableRelation[AgendaItem] = fields.ForeignKeyField(
        "models.AgendaItem",
        related_name="decisions",
        null=True,
        on_delete=fields.RESTRICT,
        description="The agenda item it settles",
    )
    text = fields.TextField(description="What was decided")
    owner: fields.ForeignKeyNullableRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="decisions_owned",
        null=True,
        on_delete=fields.RESTRICT,
        description="Who carries it out",
    )
    owner_department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="decisions_owned",
        null=True,
        on_delete=fields.RESTRICT,
        description="Or which department carries it out",
    )
    deadline: date | None = fields.DateField(null=True, description="By when")
    need: fields.ForeignKeyNullableRelation[Need] = fields.ForeignKeyField(
        "models.Need",
        related_name="decisions",
        null=True,
        on_delete=fields.RESTRICT,
        description="The need it created or updated",
    )
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="decisions",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it created or updated",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    meeting_id: int
    agenda_item_id: int | None
    owner_id: int | None
    owner_department_id: int | None
    need_id: int | None
    case_id: int | None

    class Meta:
        table = "decision"
        indexes = (Index(fields=("meeting_id", "id")),)

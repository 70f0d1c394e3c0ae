"""Patrols (天天转) with their findings (六报), and monthly visits (六访) to key households."""

from datetime import date, datetime

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.cases import Case
from models.enums import FindingKind
from models.grid import GridNode
from models.lists import Need
from models.people import Household, Person


class Patrol(Model):
    """A worker's daily round of their grid, from start to end."""

    id = fields.IntField(primary_key=True)
    grid: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="patrols",
        on_delete=fields.RESTRICT,
        description="The grid (or micro-grid) patrolled",
    )
    grid_path = fields.CharField(
        max_length=255, description="The grid's path, copied for subtree scoping"
    )
    covered_grid_id = fields.IntField(
        description="The grid-level node the round covers (itself, or the micro-grid's grid)"
    )
    worker_user_id = fields.IntField(description="The worker's user account")
    worker_person_id = fields.IntField(null=True, description="The worker as a person")
    started_at = fields.DatetimeField(description="When the round started")
    ended_at = fields.DatetimeField(null=True, description="When it ended, null while under way")
    route = fields.TextField(default="", description="Where the round went")
    summary = fields.TextField(default="", description="What the worker noted at the end")

    grid_id: int

    class Meta:
        table = "patrol"
        indexes = (
            Index(fields=("grid_path", "started_at")),
            Index(fields=("covered_grid_id", "started_at")),
            Index(fields=("worker_user_id", "id")),
        )


class PatrolFinding(Model):
    """Something a patrol found that must be reported (六报), and what it became."""

    id = fields.IntField(primary_key=True)
    patrol: fields.ForeignKeyRelation[Patrol] = fields.ForeignKeyField(
        "models.Patrol", related_name="findings", on_delete=fields.RESTRICT, description="The round"
    )
    kind = fields.CharEnumField(FindingKind, max_length=24, description="Which of the six kinds")
    description = fields.TextField(description="What was found")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="patrol_findings",
        on_delete=fields.RESTRICT,
        description="Where (the grid or a building in it)",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    need: fields.ForeignKeyNullableRelation[Need] = fields.ForeignKeyField(
        "models.Need",
        related_name="patrol_findings",
        null=True,
        on_delete=fields.RESTRICT,
        description="The need it became",
    )
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="patrol_findings",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it became",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    patrol_id: int
    place_id: int
    need_id: int | None
    case_id: int | None

    class Meta:
        table = "patrol_finding"
        indexes = (Index(fields=("patrol_id", "id")), Index(fields=("place_path", "id")))


class Visit(Model):
    """A visit (六访) to a person of a key group, by a worker or party member."""

    id = fields.IntField(primary_key=True)
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="visits",
        on_delete=fields.RESTRICT,
        description="Who was visited",
    )
    household: fields.ForeignKeyNullableRelation[Household] = fields.ForeignKeyField(
        "models.Household",
        related_name="visits",
        null=True,
        on_delete=fields.RESTRICT,
        description="Their household",
    )
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="visits",
        on_delete=fields.RESTRICT,
        description="Where the visited person lives",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    visitor_user_id = fields.IntField(description="Who visited (user account)")
    visitor_person_id = fields.IntField(null=True, description="Who visited (person)")
    visited_at: datetime = fields.DatetimeField(description="When")
    month: date = fields.DateField(description="The first day of the visit's calendar month")
    notes = fields.TextField(default="", description="What was talked about")
    found = fields.TextField(default="", description="What was found that needs follow-up")
    need: fields.ForeignKeyNullableRelation[Need] = fields.ForeignKeyField(
        "models.Need",
        related_name="visits",
        null=True,
        on_delete=fields.RESTRICT,
        description="The need it became",
    )
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="visits",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it became",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    person_id: int
    household_id: int | None
    place_id: int
    need_id: int | None
    case_id: int | None

    class Meta:
        table = "visit"
        indexes = (
            Index(fields=("month", "person_id")),
            Index(fields=("place_path", "id")),
            Index(fields=("visitor_person_id", "id")),
            Index(fields=("visitor_user_id", "id")),
            Index(fields=("person_id", "id")),
        )

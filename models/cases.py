"""Cases (民情事项): the concern itself, its categories, and the time limits that apply to it."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.auth import User
from models.enums import CaseChannel, CaseClass, CaseState, CaseUrgency
from models.grid import GridNode
from models.people import Person


class CaseCategory(Model):
    """A category of cases (环境卫生, 公共设施, 物业管理 …), in a tree an admin keeps."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, description="Name, unique among its siblings")
    parent: fields.ForeignKeyNullableRelation["CaseCategory"] = fields.ForeignKeyField(
        "models.CaseCategory",
        related_name="children",
        null=True,
        on_delete=fields.RESTRICT,
        description="The broader category, null for a top-level one",
    )
    is_active = fields.BooleanField(default=True, description="False once retired")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was created")

    parent_id: int | None

    class Meta:
        table = "case_category"
        unique_together = (("parent", "name"),)


class TimeLimitRule(Model):
    """How long a case may wait: accept within hours, handle within working days (or hours).

    A null category or class means "any": the most specific rule wins.
    """

    id = fields.IntField(primary_key=True)
    category: fields.ForeignKeyNullableRelation[CaseCategory] = fields.ForeignKeyField(
        "models.CaseCategory",
        related_name="time_limits",
        null=True,
        on_delete=fields.RESTRICT,
        description="The category it applies to, null for every category",
    )
    case_class = fields.CharEnumField(
        CaseClass, max_length=16, null=True, description="The class it applies to, null for all"
    )
    accept_hours = fields.IntField(description="Accept (受理) within this many hours")
    handle_days = fields.IntField(description="Handle within this many working days")
    handle_hours = fields.IntField(
        null=True, description="Or within this many wall-clock hours (emergencies)"
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was set")

    category_id: int | None

    class Meta:
        table = "time_limit_rule"
        unique_together = (("category", "case_class"),)


class Case(Model):
    """A concern or request going round the closed loop, its history kept in ``CaseEvent``."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=100, description="Short title")
    description = fields.TextField(description="What the reporter said")
    category: fields.ForeignKeyNullableRelation[CaseCategory] = fields.ForeignKeyField(
        "models.CaseCategory",
        related_name="cases",
        null=True,
        on_delete=fields.RESTRICT,
        description="Its category, set by the reporter or on acceptance",
    )
    case_class = fields.CharEnumField(
        CaseClass, max_length=16, null=True, description="Its class, set on acceptance"
    )
    urgency = fields.CharEnumField(
        CaseUrgency, max_length=16, default=CaseUrgency.NORMAL, description="How urgent"
    )
    channel = fields.CharEnumField(CaseChannel, max_length=16, description="Where it came in")
    state = fields.CharEnumField(
        CaseState, max_length=16, default=CaseState.SUBMITTED, description="Workflow state"
    )
    version = fields.IntField(default=1, description="Bumped on every change (optimistic lock)")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="cases",
        on_delete=fields.RESTRICT,
        description="The smallest grid node known",
    )
    place_path = fields.CharField(max_length=255, description="Copy of the place's path (scoping)")
    # The place's ancestor-or-self at depths 0-2 (street, community, grid or area), copied from
    # its path: a list scoped to one of them walks an (id of that node, id) index in id order
    # and stops after a page, however many cases the subtree holds (``place_columns``).
    place_depth0_id = fields.IntField(null=True, description="Its place or ancestor at depth 0")
    place_depth1_id = fields.IntField(null=True, description="Its place or ancestor at depth 1")
    place_depth2_id = fields.IntField(null=True, description="Its place or ancestor at depth 2")
    building: fields.ForeignKeyNullableRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="building_cases",
        null=True,
        on_delete=fields.RESTRICT,
        description="The building, if known",
    )
    address = fields.CharField(max_length=200, default="", description="Free-text address")
    latitude = fields.FloatField(null=True, description="WGS-84 latitude")
    longitude = fields.FloatField(null=True, description="WGS-84 longitude")
    reporter: fields.ForeignKeyNullableRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="reported_cases",
        null=True,
        on_delete=fields.RESTRICT,
        description="The resident who reported it",
    )
    reporter_name = fields.CharField(max_length=50, default="", description="Or their name")
    reporter_phone = fields.CharField(max_length=20, default="", description="And phone")
    recorded_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="recorded_cases",
        null=True,
        on_delete=fields.RESTRICT,
        description="The user who recorded it",
    )
    recorded_by_token_id = fields.IntField(null=True, description="Or the partner app's token")
    idempotency_key = fields.CharField(
        max_length=64, null=True, unique=True, description="The submitter's retry key"
    )
    request_hash = fields.CharField(max_length=64, default="", description="SHA-256 of the input")
    submitted_month = fields.CharField(max_length=7, description="YYYY-MM received (Shanghai)")
    accept_due_at = fields.DatetimeField(null=True, description="Accept by then")
    handle_due_at = fields.DatetimeField(null=True, description="Resolve by then")
    deadline_warnings: Any = fields.JSONField(default=list, description="Calendar warnings")
    accept_overdue_at = fields.DatetimeField(null=True, description="When acceptance went overdue")
    handle_overdue_at = fields.DatetimeField(null=True, description="When handling went overdue")
    was_overdue = fields.BooleanField(default=False, description="Some step ran past its limit")
    escalated_to: fields.ForeignKeyNullableRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="escalated_cases",
        null=True,
        on_delete=fields.RESTRICT,
        description="The place it was last escalated to",
    )
    is_whistle = fields.BooleanField(default=False, description="吹哨报到 was used")
    reopen_count = fields.IntField(default=0, description="Times reopened after a bad rating")
    return_count = fields.IntField(default=0, description="Times a dispatch was returned")
    merged_into: fields.ForeignKeyNullableRelation["Case"] = fields.ForeignKeyField(
        "models.Case",
        related_name="duplicates",
        null=True,
        on_delete=fields.RESTRICT,
        description="The original this duplicate was merged into",
    )
    resolution = fields.TextField(default="", description="The result of handling")
    reply = fields.TextField(default="", description="The answer to the reporter (public)")
    last_score = fields.IntField(null=True, description="The latest rating, 1 to 5")
    satisfied = fields.BooleanField(null=True, description="Whether the latest rating was 4 or 5")
    close_note = fields.TextField(default="", description="The cadre's explanation on closing")
    accepted_at = fields.DatetimeField(null=True, description="When it was accepted")
    resolved_at = fields.DatetimeField(null=True, description="When it was last resolved")
    resolve_seconds = fields.IntField(null=True, description="Seconds from report to resolution")
    resolved_on_time = fields.BooleanField(null=True, description="Resolved by its deadline")
    replied_at = fields.DatetimeField(null=True, description="When the reporter was answered")
    closed_at = fields.DatetimeField(null=True, description="When it was closed")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was received")
    updated_at = fields.DatetimeField(auto_now=True, description="When it last changed")

    category_id: int | None
    place_id: int
    building_id: int | None
    reporter_id: int | None
    recorded_by_id: int | None
    escalated_to_id: int | None
    merged_into_id: int | None

    class Meta:
        table = "case_item"
        indexes = (
            Index(fields=("place_path", "id")),
            Index(fields=("place_depth0_id", "id")),
            Index(fields=("place_depth1_id", "id")),
            Index(fields=("place_depth2_id", "id")),
            Index(fields=("state", "id")),
            Index(fields=("reporter_id", "id")),
            Index(fields=("recorded_by_id", "id")),
            Index(fields=("category_id", "id")),
            Index(fields=("case_class", "id")),
            Index(fields=("state", "handle_due_at")),
            Index(fields=("state", "place_path")),  # a subtree's cases late now (figures)
            Index(fields=("state", "accept_due_at")),
            Index(fields=("place_path", "submitted_month")),
        )


INDEXED_DEPTHS = 3  # place_depth0_id .. place_depth2_id


def depth_column(depth: int) -> str | None:
    """The column holding a case's ancestor at ``depth``, or None below the indexed depths."""
    return f"place_depth{depth}_id" if depth < INDEXED_DEPTHS else None


def place_columns(path: str) -> dict[str, Any]:
    """The place columns of a case at the grid node with materialized ``path``: the path and
    its ancestors-or-self at the indexed depths (None where the path is shallower)."""
    ids = [int(part) for part in path.split("/") if part]
    columns: dict[str, Any] = {"place_path": path}
    for depth in range(INDEXED_DEPTHS):
        columns[f"place_depth{depth}_id"] = ids[depth] if depth < len(ids) else None
    return columns

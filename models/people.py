"""The people: persons with their key-group tags, and the households they live in."""

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.enums import Gender, HouseholdRelation, KeyGroup
from models.grid import GridNode


class Household(Model):
    """A household (户) at a door of a building."""

    id = fields.IntField(primary_key=True)
    building: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="households",
        on_delete=fields.RESTRICT,
        description="The building (or smallest grid node) it lives in",
    )
    door = fields.CharField(max_length=50, description="Door or room number, e.g. 3-201")
    address = fields.CharField(max_length=200, default="", description="Full street address")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    building_id: int

    class Meta:
        table = "household"
        unique_together = (("building", "door"),)


class Person(Model):
    """A resident, worker, cadre or member: one row per human being."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, description="Full name")
    phone = fields.CharField(max_length=20, default="", description="Phone number")
    gender = fields.CharEnumField(
        Gender, max_length=8, default=Gender.UNKNOWN, description="Gender"
    )
    birth_year = fields.IntField(null=True, description="Year of birth")
    household: fields.ForeignKeyNullableRelation[Household] = fields.ForeignKeyField(
        "models.Household",
        related_name="members",
        null=True,
        on_delete=fields.RESTRICT,
        description="The household they belong to",
    )
    relation = fields.CharEnumField(
        HouseholdRelation, max_length=16, null=True, description="Relation to the household head"
    )
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="persons",
        on_delete=fields.RESTRICT,
        description="The smallest grid node they live in (their household's building)",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When they were recorded")

    household_id: int | None
    place_id: int

    class Meta:
        table = "person"
        indexes = (
            Index(fields=("place_id", "id")),
            Index(fields=("household_id", "id")),
            Index(fields=("phone",)),
        )


class PersonTag(Model):
    """A key-group tag (六访 groups) on a person."""

    id = fields.IntField(primary_key=True)
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person", related_name="tags", on_delete=fields.CASCADE, description="The person"
    )
    tag = fields.CharEnumField(KeyGroup, max_length=16, description="The key group")

    person_id: int

    class Meta:
        table = "person_tag"
        unique_together = (("person", "tag"),)
        indexes = (Index(fields=("tag", "person_id")),)

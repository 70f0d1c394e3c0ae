"""Volunteer activities, sign-ups with check-in and check-out, and verified service hours."""

from decimal import Decimal

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.enums import ListCategory, SignUpState
from models.grid import GridNode
from models.org import VolunteerTeam
from models.people import Person


class Activity(Model):
    """A volunteer activity: title, time, place, capacity, organising team."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=100, description="Title")
    description = fields.TextField(default="", description="What volunteers will do")
    category = fields.CharEnumField(
        ListCategory, max_length=24, default=ListCategory.OTHER, description="What it is about"
    )
    starts_at = fields.DatetimeField(description="When it starts")
    ends_at = fields.DatetimeField(description="When it ends")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode", related_name="activities", on_delete=fields.RESTRICT, description="Where"
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    capacity = fields.IntField(description="How many may sign up")
    taken = fields.IntField(
        default=0, description="Places taken, raised only while below capacity (the lock)"
    )
    team: fields.ForeignKeyNullableRelation[VolunteerTeam] = fields.ForeignKeyField(
        "models.VolunteerTeam",
        related_name="activities",
        null=True,
        on_delete=fields.RESTRICT,
        description="The organising team",
    )
    organiser_user_id = fields.IntField(description="Who organises it and verifies its hours")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was announced")

    place_id: int
    team_id: int | None

    class Meta:
        table = "activity"
        indexes = (
            Index(fields=("place_path", "starts_at")),
            Index(fields=("ends_at",)),
            Index(fields=("organiser_user_id", "id")),
        )


class ActivitySignUp(Model):
    """A person's sign-up to an activity, with check-in, check-out and verified hours."""

    id = fields.IntField(primary_key=True)
    activity: fields.ForeignKeyRelation[Activity] = fields.ForeignKeyField(
        "models.Activity",
        related_name="sign_ups",
        on_delete=fields.RESTRICT,
        description="The activity",
    )
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="activity_sign_ups",
        on_delete=fields.RESTRICT,
        description="Who signed up (a volunteer or a party member)",
    )
    user_id = fields.IntField(null=True, description="The account that signed up")
    state = fields.CharEnumField(
        SignUpState, max_length=16, default=SignUpState.SIGNED_UP, description="Where it stands"
    )
    checked_in_at = fields.DatetimeField(null=True, description="When they arrived")
    checked_out_at = fields.DatetimeField(null=True, description="When they left")
    hours: Decimal | None = fields.DecimalField(
        max_digits=6, decimal_places=2, null=True, description="Hours served, once checked out"
    )
    verified_at = fields.DatetimeField(
        null=True, description="When the organiser verified the hours"
    )
    verified_by_user_id = fields.IntField(null=True, description="The organiser who verified them")
    created_at = fields.DatetimeField(auto_now_add=True, description="When they signed up")

    activity_id: int
    person_id: int

    class Meta:
        table = "activity_sign_up"
        unique_together = (("activity", "person"),)
        indexes = (Index(fields=("person_id", "state")), Index(fields=("user_id", "id")))


class SignUpEvent(Model):
    """One step of a sign-up's history: signed up, checked in or out, verified, cancelled."""

    id = fields.IntField(primary_key=True)
    sign_up: fields.ForeignKeyRelation[ActivitySignUp] = fields.ForeignKeyField(
        "models.ActivitySignUp",
        related_name="events",
        on_delete=fields.RESTRICT,
        description="The sign-up",
    )
    step = fields.CharField(max_length=16, description="What happened, e.g. check_in")
    from_state = fields.CharEnumField(
        SignUpState, max_length=16, null=True, description="State before, null when signed up"
    )
    to_state = fields.CharEnumField(SignUpState, max_length=16, description="State after")
    actor_user_id = fields.IntField(null=True, description="Who did it")
    hours: Decimal | None = fields.DecimalField(
        max_digits=6, decimal_places=2, null=True, description="The hours after this step"
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it happened")

    sign_up_id: int

    class Meta:
        table = "sign_up_event"
        indexes = (Index(fields=("sign_up_id", "id")),)

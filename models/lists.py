"""The three lists (三张清单): needs and micro-wishes, resources on offer, community services."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.cases import Case
from models.enums import ClaimantKind, ListCategory, NeedAction, NeedKind, NeedState, ProviderKind
from models.grid import GridNode, Station
from models.org import CoBuildingUnit, PartyMember, Volunteer, VolunteerTeam
from models.people import Person


class Need(Model):
    """A need of the need list, or a micro-wish (微心愿), from posting to confirmation (闭合)."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(NeedKind, max_length=16, description="Need or micro-wish")
    category = fields.CharEnumField(ListCategory, max_length=24, description="What it is about")
    title = fields.CharField(max_length=100, description="Short title shown on the public list")
    description = fields.TextField(default="", description="What is needed, in the poster's words")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="needs",
        on_delete=fields.RESTRICT,
        description="Where the need is (the poster's building or grid)",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    poster_person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="needs_posted",
        on_delete=fields.RESTRICT,
        description="The resident whose need it is",
    )
    posted_by_user_id = fields.IntField(null=True, description="The user who posted it")
    state = fields.CharEnumField(
        NeedState, max_length=16, default=NeedState.POSTED, description="Where it stands"
    )
    claimant_kind = fields.CharEnumField(
        ClaimantKind, max_length=24, null=True, description="Who claimed it, while claimed"
    )
    claimant_party_member: fields.ForeignKeyNullableRelation[PartyMember] = fields.ForeignKeyField(
        "models.PartyMember",
        related_name="needs_claimed",
        null=True,
        on_delete=fields.RESTRICT,
        description="The claiming party member",
    )
    claimant_volunteer: fields.ForeignKeyNullableRelation[Volunteer] = fields.ForeignKeyField(
        "models.Volunteer",
        related_name="needs_claimed",
        null=True,
        on_delete=fields.RESTRICT,
        description="The claiming volunteer",
    )
    claimant_team: fields.ForeignKeyNullableRelation[VolunteerTeam] = fields.ForeignKeyField(
        "models.VolunteerTeam",
        related_name="needs_claimed",
        null=True,
        on_delete=fields.RESTRICT,
        description="The claiming volunteer team",
    )
    claimant_unit: fields.ForeignKeyNullableRelation[CoBuildingUnit] = fields.ForeignKeyField(
        "models.CoBuildingUnit",
        related_name="needs_claimed",
        null=True,
        on_delete=fields.RESTRICT,
        description="The claiming co-building unit",
    )
    claimant_person_id = fields.IntField(
        null=True, description="The person acting for the claim (member, volunteer, or recorder)"
    )
    claimed_at = fields.DatetimeField(null=True, description="When it was claimed")
    claim_deadline = fields.DatetimeField(
        null=True, description="An unfulfilled claim is released after this"
    )
    evidence = fields.TextField(default="", description="How it was fulfilled (text or a link)")
    fulfilled_at = fields.DatetimeField(null=True, description="When it was fulfilled")
    confirmed_at = fields.DatetimeField(null=True, description="When the resident confirmed it")
    version = fields.IntField(default=1, description="Raised on every change (optimistic lock)")
    case: fields.ForeignKeyNullableRelation[Case] = fields.ForeignKeyField(
        "models.Case",
        related_name="needs",
        null=True,
        on_delete=fields.RESTRICT,
        description="The case it became",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was posted")
    updated_at = fields.DatetimeField(auto_now=True, description="When it last changed")

    place_id: int
    poster_person_id: int
    claimant_party_member_id: int | None
    claimant_volunteer_id: int | None
    claimant_team_id: int | None
    claimant_unit_id: int | None
    case_id: int | None

    class Meta:
        table = "need"
        indexes = (
            Index(fields=("place_path", "id")),
            Index(fields=("state", "claim_deadline")),
            Index(fields=("poster_person_id", "id")),
            Index(fields=("claimant_person_id", "id")),
        )


class NeedEvent(Model):
    """One step in a need's history: who did what, from which state to which. Never edited."""

    id = fields.IntField(primary_key=True)
    need: fields.ForeignKeyRelation[Need] = fields.ForeignKeyField(
        "models.Need", related_name="events", on_delete=fields.RESTRICT, description="The need"
    )
    action = fields.CharEnumField(NeedAction, max_length=16, description="What happened")
    from_state = fields.CharEnumField(
        NeedState, max_length=16, null=True, description="State before, null when posted"
    )
    to_state = fields.CharEnumField(NeedState, max_length=16, description="State after")
    actor_user_id = fields.IntField(null=True, description="Who did it, null for the system")
    note = fields.TextField(default="", description="Why, or what was attached")
    detail: Any = fields.JSONField(null=True, description="Claimant, evidence and the like")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it happened")

    need_id: int

    class Meta:
        table = "need_event"
        indexes = (Index(fields=("need_id", "id")),)


class ResourceOffer(Model):
    """An entry of the resource list: what a co-building unit or a party member offers."""

    id = fields.IntField(primary_key=True)
    provider_kind = fields.CharEnumField(ProviderKind, max_length=24, description="Who offers it")
    unit: fields.ForeignKeyNullableRelation[CoBuildingUnit] = fields.ForeignKeyField(
        "models.CoBuildingUnit",
        related_name="resource_offers",
        null=True,
        on_delete=fields.RESTRICT,
        description="The offering unit or enterprise",
    )
    party_member: fields.ForeignKeyNullableRelation[PartyMember] = fields.ForeignKeyField(
        "models.PartyMember",
        related_name="resource_offers",
        null=True,
        on_delete=fields.RESTRICT,
        description="The offering party member",
    )
    title = fields.CharField(max_length=100, description="What is offered")
    category = fields.CharEnumField(ListCategory, max_length=24, description="What it is about")
    description = fields.TextField(default="", description="Details")
    capacity = fields.IntField(default=1, description="How many needs it can meet at once")
    available_from = fields.DateField(null=True, description="First day it is available")
    available_until = fields.DateField(null=True, description="Last day it is available")
    availability = fields.CharField(max_length=100, default="", description="When, in words")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="resource_offers",
        on_delete=fields.RESTRICT,
        description="The place (and its subtree) it serves",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    is_published = fields.BooleanField(default=False, description="On the public list (公示)")
    created_by_user_id = fields.IntField(null=True, description="Who recorded it")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    unit_id: int | None
    party_member_id: int | None
    place_id: int

    class Meta:
        table = "resource_offer"
        indexes = (
            Index(fields=("place_path", "id")),
            Index(fields=("category", "id")),
            Index(fields=("is_published", "id")),
        )


class ServiceOffer(Model):
    """An entry of the service list: what the community itself provides, where and when."""

    id = fields.IntField(primary_key=True)
    title = fields.CharField(max_length=100, description="The service, e.g. 失业证办理")
    category = fields.CharEnumField(ListCategory, max_length=24, description="What it is about")
    description = fields.TextField(default="", description="Details and who may use it")
    schedule = fields.CharField(max_length=100, default="", description="When, e.g. 每周二上午")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="service_offers",
        on_delete=fields.RESTRICT,
        description="The place (and its subtree) it serves",
    )
    place_path = fields.CharField(
        max_length=255, description="The place's path, copied for subtree scoping"
    )
    station: fields.ForeignKeyNullableRelation[Station] = fields.ForeignKeyField(
        "models.Station",
        related_name="service_offers",
        null=True,
        on_delete=fields.RESTRICT,
        description="The station where it is given",
    )
    is_published = fields.BooleanField(default=False, description="On the public list (公示)")
    created_by_user_id = fields.IntField(null=True, description="Who recorded it")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    place_id: int
    station_id: int | None

    class Meta:
        table = "service_offer"
        indexes = (
            Index(fields=("place_path", "id")),
            Index(fields=("category", "id")),
            Index(fields=("is_published", "id")),
        )

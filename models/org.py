"""Organisations: party branches and members, volunteers, departments, units, worker posts."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.enums import DepartmentKind, UnitKind, WorkerPost
from models.grid import GridNode
from models.people import Household, Person


class PartyBranch(Model):
    """A party branch (党支部) of one grid or several grids each (一网格一支部 / 多网格一支部)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True, description="Name of the branch")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="party_branches",
        on_delete=fields.RESTRICT,
        description="The smallest node containing all its grids (scopes who may see it)",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    place_id: int

    class Meta:
        table = "party_branch"
        indexes = (Index(fields=("place_id", "id")),)


class PartyBranchGrid(Model):
    """A grid served by a party branch."""

    id = fields.IntField(primary_key=True)
    branch: fields.ForeignKeyRelation[PartyBranch] = fields.ForeignKeyField(
        "models.PartyBranch",
        related_name="grid_links",
        on_delete=fields.CASCADE,
        description="The branch",
    )
    grid: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="branch_links",
        on_delete=fields.RESTRICT,
        description="The grid",
    )

    branch_id: int
    grid_id: int

    class Meta:
        table = "party_branch_grid"
        unique_together = (("branch", "grid"),)


class PartyMember(Model):
    """A party member (党员), their branch, and their 双报到 registration."""

    id = fields.IntField(primary_key=True)
    person: fields.OneToOneRelation[Person] = fields.OneToOneField(
        "models.Person",
        related_name="party_member",
        on_delete=fields.RESTRICT,
        description="The person",
    )
    branch: fields.ForeignKeyRelation[PartyBranch] = fields.ForeignKeyField(
        "models.PartyBranch",
        related_name="members",
        on_delete=fields.RESTRICT,
        description="Their branch",
    )
    joined_on = fields.DateField(null=True, description="When they joined the party")
    dual_registered = fields.BooleanField(
        default=False, description="双报到: also registered at the community where they live"
    )
    workplace_organisation = fields.CharField(
        max_length=100, default="", description="Their workplace party organisation"
    )
    is_central_household = fields.BooleanField(
        default=False, description="党员中心户: their household is a hub for its neighbours"
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    person_id: int
    branch_id: int

    class Meta:
        table = "party_member"
        indexes = (Index(fields=("branch_id", "dual_registered", "id")),)


class PartyMemberContact(Model):
    """A household a party member is linked to (联系户, 10–15 each)."""

    id = fields.IntField(primary_key=True)
    member: fields.ForeignKeyRelation[PartyMember] = fields.ForeignKeyField(
        "models.PartyMember",
        related_name="contact_links",
        on_delete=fields.CASCADE,
        description="The party member",
    )
    household: fields.ForeignKeyRelation[Household] = fields.ForeignKeyField(
        "models.Household",
        related_name="party_contacts",
        on_delete=fields.RESTRICT,
        description="The household",
    )

    member_id: int
    household_id: int

    class Meta:
        table = "party_member_contact"
        unique_together = (("member", "household"),)


class VolunteerTeam(Model):
    """A volunteer team (七色彩虹, 小水滴, 红袖标 …) based in a place."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, description="Team name")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="volunteer_teams",
        on_delete=fields.RESTRICT,
        description="Where the team is based",
    )
    description = fields.TextField(default="", description="What the team does")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    place_id: int

    class Meta:
        table = "volunteer_team"
        unique_together = (("place", "name"),)


class Volunteer(Model):
    """A registered volunteer (志愿者) with skills and availability."""

    id = fields.IntField(primary_key=True)
    person: fields.OneToOneRelation[Person] = fields.OneToOneField(
        "models.Person",
        related_name="volunteer",
        on_delete=fields.RESTRICT,
        description="The person",
    )
    skills: Any = fields.JSONField(default=list, description="Skills, e.g. 理发, 维修, 法律")
    availability = fields.CharField(max_length=200, default="", description="When they can help")
    created_at = fields.DatetimeField(auto_now_add=True, description="When they registered")

    person_id: int

    class Meta:
        table = "volunteer"


class VolunteerTeamMember(Model):
    """A volunteer's membership of a team."""

    id = fields.IntField(primary_key=True)
    team: fields.ForeignKeyRelation[VolunteerTeam] = fields.ForeignKeyField(
        "models.VolunteerTeam",
        related_name="member_links",
        on_delete=fields.CASCADE,
        description="The team",
    )
    volunteer: fields.ForeignKeyRelation[Volunteer] = fields.ForeignKeyField(
        "models.Volunteer",
        related_name="team_links",
        on_delete=fields.CASCADE,
        description="The volunteer",
    )

    team_id: int
    volunteer_id: int

    class Meta:
        table = "volunteer_team_member"
        unique_together = (("team", "volunteer"),)
        indexes = (Index(fields=("volunteer_id", "id")),)


class Department(Model):
    """A department (职能部门) that receives dispatched cases: 城管, 物业公司, 热力公司 …"""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True, description="Name")
    kind = fields.CharEnumField(DepartmentKind, max_length=24, description="Kind of body")
    phone = fields.CharField(max_length=20, default="", description="Duty phone")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    class Meta:
        table = "department"


class CoBuildingUnit(Model):
    """A co-building unit (共建单位) that offers resources to a place."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, description="Name")
    kind = fields.CharEnumField(UnitKind, max_length=24, description="Kind of unit")
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="co_building_units",
        on_delete=fields.RESTRICT,
        description="The place it co-builds with",
    )
    contact_name = fields.CharField(max_length=50, default="", description="Contact person")
    contact_phone = fields.CharField(max_length=20, default="", description="Contact phone")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was recorded")

    place_id: int

    class Meta:
        table = "co_building_unit"
        unique_together = (("place", "name"),)
        indexes = (Index(fields=("kind", "id")),)


class WorkerAssignment(Model):
    """A worker's post in a place: full-time grid worker, micro-grid worker, or grid leader."""

    id = fields.IntField(primary_key=True)
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person", related_name="posts", on_delete=fields.RESTRICT, description="The worker"
    )
    place: fields.ForeignKeyRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="worker_posts",
        on_delete=fields.RESTRICT,
        description="The grid or micro-grid",
    )
    post = fields.CharEnumField(WorkerPost, max_length=24, description="The post held")
    started_on = fields.DateField(description="First day in the post")
    ended_on = fields.DateField(null=True, description="Last day in the post, null while held")

    person_id: int
    place_id: int

    class Meta:
        table = "worker_assignment"
        indexes = (Index(fields=("place_id", "post")), Index(fields=("ended_on", "id")))

"""Verbs on the organisations around the people: party branches and members (双报到, contact
households), volunteers and their teams, co-building units, and workers' posts in places.

Each verb is one transaction with its audit row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.error_codes import InputErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.validation import clean_name, clean_phone
from models.enums import GridLevel, UnitKind, WorkerPost
from models.grid import GridNode
from models.org import (
    CoBuildingUnit,
    PartyBranch,
    PartyBranchGrid,
    PartyMember,
    PartyMemberContact,
    Volunteer,
    VolunteerTeam,
    VolunteerTeamMember,
    WorkerAssignment,
)
from models.people import Household, Person
from permissions.viewer import Viewer

MAX_CONTACT_HOUSEHOLDS = 15  # each party member links 10–15 households (联系户)
MAX_SKILLS = 20
POST_LEVELS: dict[WorkerPost, tuple[GridLevel, ...]] = {
    WorkerPost.GRID_WORKER: (GridLevel.GRID,),
    WorkerPost.GRID_LEADER: (GridLevel.GRID, GridLevel.AREA, GridLevel.COMMUNITY),
    WorkerPost.MICRO_GRID_WORKER: (GridLevel.MICRO_GRID, GridLevel.BUILDING),
    # "3+X": beside its grid worker, each grid has its police officer, its property company,
    # dual-registered party members and resident activists.
    WorkerPost.POLICE_OFFICER: (GridLevel.GRID,),
    WorkerPost.PROPERTY_MANAGER: (GridLevel.GRID,),
    WorkerPost.PARTY_MEMBER: (GridLevel.GRID,),
    WorkerPost.RESIDENT_ACTIVIST: (GridLevel.GRID,),
}
# Posts a place may have several holders of at once; every other post has one holder.
SHARED_POSTS = frozenset(
    {WorkerPost.MICRO_GRID_WORKER, WorkerPost.PARTY_MEMBER, WorkerPost.RESIDENT_ACTIVIST}
)


async def create_party_branch(
    *, name: str, place: GridNode, grids: list[GridNode], actor: Viewer | None = None
) -> PartyBranch:
    """A party branch based at ``place`` serving one grid or several (网格党支部)."""
    name = clean_name(name, field="name")
    if not grids:
        raise ValidationFailedError.one(
            "gridIds", "A branch serves at least one grid", InputErrorCode.REQUIRED
        )
    outside = [g.name for g in grids if not g.path.startswith(place.path)]
    if outside:
        raise ValidationFailedError.one(
            "gridIds",
            f"Grids outside the branch's place: {', '.join(outside)}",
            InputErrorCode.OUTSIDE_PLACE,
        )
    async with in_transaction():
        if await PartyBranch.filter(name=name).exists():
            raise ConflictError(f"A party branch named {name!r} already exists")
        branch = await PartyBranch.create(name=name, place_id=place.id)
        grid_ids = sorted({g.id for g in grids})
        await PartyBranchGrid.bulk_create(
            [PartyBranchGrid(branch_id=branch.id, grid_id=i) for i in grid_ids]
        )
        await audit(
            actor,
            "party_branch.create",
            f"PartyBranch:{branch.id}",
            after={"name": name, "place_id": place.id, "grid_ids": grid_ids},
        )
    return branch


async def register_party_member(
    *,
    person: Person,
    branch: PartyBranch,
    joined_on: date | None = None,
    workplace_organisation: str = "",
    is_central_household: bool = False,
    actor: Viewer | None = None,
) -> PartyMember:
    """Record a person as a party member of ``branch``; a workplace organisation given means
    they have reported in to the community (双报到)."""
    if joined_on is not None and joined_on > date.today():
        raise ValidationFailedError.one("joinedOn", "A join date cannot be in the future")
    workplace = " ".join(workplace_organisation.split())
    async with in_transaction():
        if await PartyMember.filter(person_id=person.id).exists():
            raise ConflictError(f"{person.name} is already registered as a party member")
        member = await PartyMember.create(
            person_id=person.id,
            branch_id=branch.id,
            joined_on=joined_on,
            dual_registered=bool(workplace),
            workplace_organisation=workplace,
            is_central_household=is_central_household,
        )
        await audit(
            actor,
            "party_member.register",
            f"PartyMember:{member.id}",
            after={"person_id": person.id, "branch_id": branch.id, "workplace": workplace},
        )
    return member


async def set_contact_households(
    *, member: PartyMember, households: list[Household], actor: Viewer | None = None
) -> list[int]:
    """Replace the member's contact households (联系户); at most 15."""
    wanted = sorted({h.id for h in households})
    if len(wanted) > MAX_CONTACT_HOUSEHOLDS:
        raise ValidationFailedError.one(
            "householdIds",
            f"A party member links at most {MAX_CONTACT_HOUSEHOLDS} households, got {len(wanted)}",
            InputErrorCode.TOO_MANY,
        )
    async with in_transaction():
        current = sorted(
            await PartyMemberContact.filter(member_id=member.id).values_list(
                "household_id", flat=True
            )
        )
        await PartyMemberContact.filter(
            member_id=member.id, household_id__in=[i for i in current if i not in wanted]
        ).delete()
        await PartyMemberContact.bulk_create(
            [
                PartyMemberContact(member_id=member.id, household_id=i)
                for i in wanted
                if i not in current
            ]
        )
        await audit(
            actor,
            "party_member.contacts",
            f"PartyMember:{member.id}",
            before={"household_ids": current},
            after={"household_ids": wanted},
        )
    return wanted


def _clean_skills(skills: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(s for s in (" ".join(x.split()) for x in skills) if s))
    if len(cleaned) > MAX_SKILLS:
        raise ValidationFailedError.one(
            "skills", f"At most {MAX_SKILLS} skills", InputErrorCode.TOO_MANY
        )
    return cleaned


async def register_volunteer(
    *, person: Person, skills: list[str], availability: str = "", actor: Viewer | None = None
) -> Volunteer:
    """Record a person as a volunteer with their skills and when they can help."""
    cleaned = _clean_skills(skills)
    async with in_transaction():
        if await Volunteer.filter(person_id=person.id).exists():
            raise ConflictError(f"{person.name} is already a volunteer")
        volunteer = await Volunteer.create(
            person_id=person.id, skills=cleaned, availability=" ".join(availability.split())
        )
        await audit(
            actor,
            "volunteer.register",
            f"Volunteer:{volunteer.id}",
            after={"person_id": person.id, "skills": cleaned},
        )
    return volunteer


async def create_volunteer_team(
    *, name: str, place: GridNode, description: str = "", actor: Viewer | None = None
) -> VolunteerTeam:
    """A volunteer team based in ``place``; names are unique within a place."""
    name = clean_name(name, field="name")
    async with in_transaction():
        if await VolunteerTeam.filter(place_id=place.id, name=name).exists():
            raise ConflictError(f"{place.name} already has a team named {name!r}")
        team = await VolunteerTeam.create(name=name, place_id=place.id, description=description)
        await audit(
            actor, "volunteer_team.create", f"VolunteerTeam:{team.id}", after={"name": name}
        )
    return team


async def add_team_member(
    *, team: VolunteerTeam, volunteer: Volunteer, actor: Viewer | None = None
) -> VolunteerTeamMember:
    async with in_transaction():
        if await VolunteerTeamMember.filter(team_id=team.id, volunteer_id=volunteer.id).exists():
            raise ConflictError("The volunteer is already in that team")
        link = await VolunteerTeamMember.create(team_id=team.id, volunteer_id=volunteer.id)
        await audit(
            actor,
            "volunteer_team.join",
            f"VolunteerTeam:{team.id}",
            after={"volunteer_id": volunteer.id},
        )
    return link


async def create_co_building_unit(
    *,
    name: str,
    kind: UnitKind,
    place: GridNode,
    contact_name: str = "",
    contact_phone: str = "",
    actor: Viewer | None = None,
) -> CoBuildingUnit:
    """A co-building unit (共建单位) working with ``place``."""
    fields: dict[str, Any] = {
        "name": clean_name(name, field="name"),
        "kind": kind,
        "contact_name": " ".join(contact_name.split()),
        "contact_phone": clean_phone(contact_phone, field="contactPhone"),
    }
    async with in_transaction():
        if await CoBuildingUnit.filter(place_id=place.id, name=fields["name"]).exists():
            raise ConflictError(f"{place.name} already works with {fields['name']}")
        unit = await CoBuildingUnit.create(place_id=place.id, **fields)
        await audit(
            actor,
            "co_building_unit.create",
            f"CoBuildingUnit:{unit.id}",
            after={**fields, "kind": kind.value},
        )
    return unit


async def assign_worker(
    *,
    person: Person,
    place: GridNode,
    post: WorkerPost,
    started_on: date,
    actor: Viewer | None = None,
) -> WorkerAssignment:
    """Put a worker in a post at a place; one holder of a post per place at a time, except
    the shared posts (micro-grid workers, dual-registered party members, resident activists),
    of whom a place may have several."""
    if place.level not in POST_LEVELS[post]:
        levels = ", ".join(level.value for level in POST_LEVELS[post])
        raise ValidationFailedError.one(
            "placeId", f"A {post.value} serves a {levels}", InputErrorCode.LEVEL_NOT_ALLOWED
        )
    async with in_transaction():
        current = WorkerAssignment.filter(place_id=place.id, post=post, ended_on__isnull=True)
        if post not in SHARED_POSTS and await current.exists():
            raise ConflictError(f"{place.name} already has a {post.value}; end that post first")
        if await current.filter(person_id=person.id).exists():
            raise ConflictError(f"{person.name} already holds that post there")
        row = await WorkerAssignment.create(
            person_id=person.id, place_id=place.id, post=post, started_on=started_on
        )
        await audit(
            actor,
            "worker.assign",
            f"WorkerAssignment:{row.id}",
            after={"person_id": person.id, "place_id": place.id, "post": post.value},
        )
    return row


async def end_worker_assignment(
    *, assignment: WorkerAssignment, ended_on: date, actor: Viewer | None = None
) -> WorkerAssignment:
    if assignment.ended_on is not None:
        raise ConflictError("That post has already ended")
    if ended_on < assignment.started_on:
        raise ValidationFailedError.one("endedOn", "A post cannot end before it started")
    async with in_transaction():
        assignment.ended_on = ended_on
        await assignment.save(update_fields=["ended_on"])
        await audit(
            actor,
            "worker.end",
            f"WorkerAssignment:{assignment.id}",
            after={"ended_on": ended_on.isoformat()},
        )
    return assignment

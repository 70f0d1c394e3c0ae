"""Query fields of the people and their organisations: every list is scoped by
``permissions.rows.visible`` and filtered, ordered by id."""

from __future__ import annotations

from typing import Annotated, TypeVar

import strawberry
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.enums import KeyGroup, UnitKind, WorkerPost
from models.org import (
    CoBuildingUnit,
    PartyBranch,
    PartyMember,
    Volunteer,
    VolunteerTeam,
    WorkerAssignment,
)
from models.people import Household, Person
from permissions.rows import visible
from permissions.rows.people import lives_in
from permissions.scope import PlacePath
from schema.context import Info
from schema.lookup import filter_to_subtree
from schema.pagination import Connection, Page, connection, paginate
from schema.people.org_types import (
    CoBuildingUnitType,
    PartyBranchType,
    PartyMemberType,
    VolunteerTeamType,
    VolunteerType,
    WorkerAssignmentType,
)
from schema.people.types import HouseholdType, PersonType
from schema.relay import parse_pk

SubtreeOf = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only those in this place's subtree.")
]
M = TypeVar("M", bound=Model)


async def _visible_under(
    info: Info, model: type[M], subtree_of: str | None, path_field: PlacePath
) -> QuerySet[M]:
    """The rows of ``model`` the viewer may see, under the place ``subtreeOf`` names if given."""
    query = visible(model, info.context.viewer)
    return await filter_to_subtree(
        info, query, subtree_of, field="subtreeOf", path_field=path_field
    )


@strawberry.type
class PeopleQueries:
    @connection(description="Persons you may see, filtered; ordered by id.", backwards=True)
    async def persons(
        self,
        info: Info,
        page: Page,
        subtree_of: SubtreeOf = None,
        key_group: Annotated[
            KeyGroup | None, strawberry.argument(description="Only those tagged with this group.")
        ] = None,
        household_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only members of this household.")
        ] = None,
        name_contains: Annotated[
            str | None, strawberry.argument(description="Name contains this text.")
        ] = None,
    ) -> Connection[PersonType]:
        query = await _visible_under(info, Person, subtree_of, "place__path")
        if key_group is not None:
            query = query.filter(tags__tag=key_group)
        if household_id is not None:
            query = query.filter(
                household_id=parse_pk(household_id, field="householdId", expected="Household")
            )
        if name_contains:
            query = query.filter(name__contains=name_contains)
        return await paginate(query, PersonType.from_model, page)

    @connection(description="Households you may see; ordered by id.", backwards=True)
    async def households(
        self, info: Info, page: Page, subtree_of: SubtreeOf = None
    ) -> Connection[HouseholdType]:
        query = await _visible_under(info, Household, subtree_of, "building__path")
        return await paginate(query, HouseholdType.from_model, page)

    @connection(description="Party branches (public); ordered by id.", backwards=True)
    async def party_branches(
        self, info: Info, page: Page, subtree_of: SubtreeOf = None
    ) -> Connection[PartyBranchType]:
        query = await _visible_under(info, PartyBranch, subtree_of, "place__path")
        return await paginate(query, PartyBranchType.from_model, page)

    @connection(description="Party members you may see, filtered; ordered by id.", backwards=True)
    async def party_members(
        self,
        info: Info,
        page: Page,
        branch_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only members of this branch.")
        ] = None,
        dual_registered: Annotated[
            bool | None,
            strawberry.argument(
                description="Only those who have (or have not) reported in (双报到)."
            ),
        ] = None,
        central_household: Annotated[
            bool | None,
            strawberry.argument(description="Only central households (中心户), or only others."),
        ] = None,
        subtree_of: SubtreeOf = None,
    ) -> Connection[PartyMemberType]:
        query = await _visible_under(info, PartyMember, subtree_of, lives_in)
        if branch_id is not None:
            query = query.filter(
                branch_id=parse_pk(branch_id, field="branchId", expected="PartyBranch")
            )
        if dual_registered is not None:
            query = query.filter(dual_registered=dual_registered)
        if central_household is not None:
            query = query.filter(is_central_household=central_household)
        return await paginate(query, PartyMemberType.from_model, page)

    @connection(description="Volunteers you may see; ordered by id.", backwards=True)
    async def volunteers(
        self,
        info: Info,
        page: Page,
        subtree_of: SubtreeOf = None,
        team_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only members of this team.")
        ] = None,
    ) -> Connection[VolunteerType]:
        query = await _visible_under(info, Volunteer, subtree_of, lives_in)
        if team_id is not None:
            team = parse_pk(team_id, field="teamId", expected="VolunteerTeam")
            query = query.filter(team_links__team_id=team)
        return await paginate(query, VolunteerType.from_model, page)

    @connection(description="Volunteer teams (public); ordered by id.", backwards=True)
    async def volunteer_teams(
        self, info: Info, page: Page, subtree_of: SubtreeOf = None
    ) -> Connection[VolunteerTeamType]:
        query = await _visible_under(info, VolunteerTeam, subtree_of, "place__path")
        return await paginate(query, VolunteerTeamType.from_model, page)

    @connection(description="Co-building units (public); ordered by id.", backwards=True)
    async def co_building_units(
        self,
        info: Info,
        page: Page,
        subtree_of: SubtreeOf = None,
        kind: Annotated[
            UnitKind | None, strawberry.argument(description="Only units of this kind.")
        ] = None,
    ) -> Connection[CoBuildingUnitType]:
        query = await _visible_under(info, CoBuildingUnit, subtree_of, "place__path")
        if kind is not None:
            query = query.filter(kind=kind)
        return await paginate(query, CoBuildingUnitType.from_model, page)

    @connection(
        description="Workers' posts: current ones are public, past ones for those who may see them.",
        backwards=True,
    )
    async def worker_assignments(
        self,
        info: Info,
        page: Page,
        subtree_of: SubtreeOf = None,
        post: Annotated[
            WorkerPost | None, strawberry.argument(description="Only this post.")
        ] = None,
        current_only: Annotated[
            bool, strawberry.argument(description="Only posts still held.")
        ] = True,
    ) -> Connection[WorkerAssignmentType]:
        query = await _visible_under(info, WorkerAssignment, subtree_of, "place__path")
        if post is not None:
            query = query.filter(post=post)
        if current_only:
            query = query.filter(ended_on__isnull=True)
        return await paginate(query, WorkerAssignmentType.from_model, page)

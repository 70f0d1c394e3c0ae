"""Query fields of the people and their organisations: every list is scoped by
``permissions.rows.visible`` and filtered, ordered by id."""

from __future__ import annotations

from typing import Annotated, TypeVar

import strawberry
from tortoise.models import Model
from tortoise.queryset import QuerySet

from api.context import Info
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
from permissions.rows import lives_in, visible
from permissions.scope import PlacePath, in_subtree
from schema.args import After, Before, First, Last
from schema.lookup import visible_grid
from schema.pagination import Connection, paginate
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

M = TypeVar("M", bound=Model)

SubtreeOf = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only those in this place's subtree.")
]


async def _in_subtree(
    info: Info, query: QuerySet[M], subtree_of: str | None, place_path: PlacePath
) -> QuerySet[M]:
    if subtree_of is None:
        return query
    top = await visible_grid(info, subtree_of, field="subtreeOf")
    return query.filter(in_subtree(place_path, top.path))


@strawberry.type
class PeopleQueries:
    @strawberry.field(description="Persons you may see, filtered; ordered by id.")
    async def persons(
        self,
        info: Info,
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
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PersonType]:
        query = await _in_subtree(
            info, visible(Person, info.context.viewer), subtree_of, "place__path"
        )
        if key_group is not None:
            query = query.filter(tags__tag=key_group)
        if household_id is not None:
            query = query.filter(
                household_id=parse_pk(household_id, field="householdId", expected="Household")
            )
        if name_contains:
            query = query.filter(name__contains=name_contains)
        return await paginate(
            query, PersonType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Households you may see; ordered by id.")
    async def households(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[HouseholdType]:
        query = await _in_subtree(
            info, visible(Household, info.context.viewer), subtree_of, "building__path"
        )
        return await paginate(
            query, HouseholdType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Party branches (public); ordered by id.")
    async def party_branches(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyBranchType]:
        query = await _in_subtree(
            info, visible(PartyBranch, info.context.viewer), subtree_of, "place__path"
        )
        return await paginate(
            query, PartyBranchType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Party members you may see, filtered; ordered by id.")
    async def party_members(
        self,
        info: Info,
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
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PartyMemberType]:
        query = await _in_subtree(
            info, visible(PartyMember, info.context.viewer), subtree_of, lives_in
        )
        if branch_id is not None:
            query = query.filter(
                branch_id=parse_pk(branch_id, field="branchId", expected="PartyBranch")
            )
        if dual_registered is not None:
            query = query.filter(dual_registered=dual_registered)
        if central_household is not None:
            query = query.filter(is_central_household=central_household)
        return await paginate(
            query, PartyMemberType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Volunteers you may see; ordered by id.")
    async def volunteers(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        team_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only members of this team.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[VolunteerType]:
        query = await _in_subtree(
            info, visible(Volunteer, info.context.viewer), subtree_of, lives_in
        )
        if team_id is not None:
            team = parse_pk(team_id, field="teamId", expected="VolunteerTeam")
            query = query.filter(team_links__team_id=team)
        return await paginate(
            query, VolunteerType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Volunteer teams (public); ordered by id.")
    async def volunteer_teams(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[VolunteerTeamType]:
        query = await _in_subtree(
            info, visible(VolunteerTeam, info.context.viewer), subtree_of, "place__path"
        )
        return await paginate(
            query, VolunteerTeamType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(description="Co-building units (public); ordered by id.")
    async def co_building_units(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        kind: Annotated[
            UnitKind | None, strawberry.argument(description="Only units of this kind.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[CoBuildingUnitType]:
        query = await _in_subtree(
            info, visible(CoBuildingUnit, info.context.viewer), subtree_of, "place__path"
        )
        if kind is not None:
            query = query.filter(kind=kind)
        return await paginate(
            query, CoBuildingUnitType.from_model, first=first, after=after, last=last, before=before
        )

    @strawberry.field(
        description="Workers' posts: current ones are public, past ones for those who may see them."
    )
    async def worker_assignments(
        self,
        info: Info,
        subtree_of: SubtreeOf = None,
        post: Annotated[
            WorkerPost | None, strawberry.argument(description="Only this post.")
        ] = None,
        current_only: Annotated[
            bool, strawberry.argument(description="Only posts still held.")
        ] = True,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[WorkerAssignmentType]:
        query = await _in_subtree(
            info, visible(WorkerAssignment, info.context.viewer), subtree_of, "place__path"
        )
        if post is not None:
            query = query.filter(post=post)
        if current_only:
            query = query.filter(ended_on__isnull=True)
        return await paginate(
            query,
            WorkerAssignmentType.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
        )

"""GraphQL types of the organisations around the people: party branches and members,
volunteers and teams, co-building units, and workers' posts."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from domain.validation import mask_phone
from models.enums import UnitKind, WorkerPost
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
from permissions.enums import Resource
from permissions.rows import visible
from schema.context import Info
from schema.grid.types import GridType, grid_of
from schema.pagination import Connection, Page, connection, paginate
from schema.people.types import HouseholdType, PersonType, sees_personal
from schema.relay import Node, register_node, to_global_id
from schema.visibility import node_fetcher, visible_by_id


async def _person(info: Info, person_id: int) -> PersonType | None:
    row = await visible_by_id(info, Person).load(person_id)
    return PersonType.from_model(row) if row else None


@strawberry.type(
    name="PartyBranch", description="A party branch (党支部) serving one or more grids."
)
class PartyBranchType(Node):
    name: str = strawberry.field(description="Name of the branch.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[PartyBranch]

    @classmethod
    def from_model(cls, row: PartyBranch) -> PartyBranchType:
        return cls(
            id=to_global_id("PartyBranch", row.id),
            name=row.name,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The place the branch is based in.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The grids it serves.")
    async def grids(self, info: Info) -> list[GridType]:
        links = await info.context.loaders.children(PartyBranchGrid, "branch_id").load(
            self.model.id
        )
        return [await grid_of(info, link.grid_id) for link in links]

    @connection(description="Its members you may see, by record order.", backwards=True)
    async def members(self, info: Info, page: Page) -> Connection[PartyMemberType]:
        query = visible(PartyMember, info.context.viewer).filter(branch_id=self.model.id)
        return await paginate(query, PartyMemberType.from_model, page)


@strawberry.type(
    name="PartyMember", description="A party member (党员) and their 双报到 registration."
)
class PartyMemberType(Node):
    joined_on: date | None = strawberry.field(description="When they joined the party.")
    dual_registered: bool = strawberry.field(
        description="Reported in to the community from their workplace organisation (双报到)."
    )
    workplace_organisation: str = strawberry.field(
        description="The workplace party organisation they reported in from."
    )
    is_central_household: bool = strawberry.field(
        description="A central household (中心户) that neighbours gather around."
    )
    model: strawberry.Private[PartyMember]

    @classmethod
    def from_model(cls, row: PartyMember) -> PartyMemberType:
        return cls(
            id=to_global_id("PartyMember", row.id),
            joined_on=row.joined_on,
            dual_registered=row.dual_registered,
            workplace_organisation=row.workplace_organisation,
            is_central_household=row.is_central_household,
            model=row,
        )

    @strawberry.field(description="The member as a person, if visible to you.")
    async def person(self, info: Info) -> PersonType | None:
        return await _person(info, self.model.person_id)

    @strawberry.field(description="Their branch.")
    async def branch(self, info: Info) -> PartyBranchType:
        row = await info.context.loaders.by_id(PartyBranch).load(self.model.branch_id)
        assert row is not None  # a foreign key
        return PartyBranchType.from_model(row)

    @strawberry.field(description="The households they are linked to (联系户) that you may see.")
    async def contact_households(self, info: Info) -> list[HouseholdType]:
        links = await info.context.loaders.children(PartyMemberContact, "member_id").load(
            self.model.id
        )
        rows = await visible_by_id(info, Household).load_many([link.household_id for link in links])
        return [HouseholdType.from_model(r) for r in rows if r is not None]


@strawberry.type(name="Volunteer", description="A volunteer (志愿者) with skills and availability.")
class VolunteerType(Node):
    skills: list[str] = strawberry.field(description="Skills, e.g. 理发, 维修, 法律咨询.")
    availability: str = strawberry.field(description="When they can help.")
    created_at: datetime = strawberry.field(description="When they registered.")
    model: strawberry.Private[Volunteer]

    @classmethod
    def from_model(cls, row: Volunteer) -> VolunteerType:
        return cls(
            id=to_global_id("Volunteer", row.id),
            skills=list(row.skills),
            availability=row.availability,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The volunteer as a person, if visible to you.")
    async def person(self, info: Info) -> PersonType | None:
        return await _person(info, self.model.person_id)

    @strawberry.field(description="The teams they belong to.")
    async def teams(self, info: Info) -> list[VolunteerTeamType]:
        links = await info.context.loaders.children(VolunteerTeamMember, "volunteer_id").load(
            self.model.id
        )
        rows = await info.context.loaders.by_id(VolunteerTeam).load_many([x.team_id for x in links])
        return [VolunteerTeamType.from_model(r) for r in rows if r is not None]


@strawberry.type(
    name="VolunteerTeam", description="A volunteer team (志愿服务队) based in a place."
)
class VolunteerTeamType(Node):
    name: str = strawberry.field(description="Team name.")
    description: str = strawberry.field(description="What the team does.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[VolunteerTeam]

    @classmethod
    def from_model(cls, row: VolunteerTeam) -> VolunteerTeamType:
        return cls(
            id=to_global_id("VolunteerTeam", row.id),
            name=row.name,
            description=row.description,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The place it is based in.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @connection(description="Its members you may see, by record order.", backwards=True)
    async def members(self, info: Info, page: Page) -> Connection[VolunteerType]:
        query = visible(Volunteer, info.context.viewer).filter(team_links__team_id=self.model.id)
        return await paginate(query, VolunteerType.from_model, page)


@strawberry.type(name="CoBuildingUnit", description="A co-building unit (共建单位) of a place.")
class CoBuildingUnitType(Node):
    name: str = strawberry.field(description="Name.")
    kind: UnitKind = strawberry.field(description="Kind of unit.")
    contact_name: str = strawberry.field(description="Contact person.")
    contact_phone: str = strawberry.field(description="The unit's contact phone.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[CoBuildingUnit]

    @classmethod
    def from_model(cls, row: CoBuildingUnit) -> CoBuildingUnitType:
        return cls(
            id=to_global_id("CoBuildingUnit", row.id),
            name=row.name,
            kind=row.kind,
            contact_name=row.contact_name,
            contact_phone=row.contact_phone,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The place it works with.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)


@strawberry.type(
    name="WorkerAssignment",
    description="A worker's post in a place: grid worker, micro-grid worker or grid leader.",
)
class WorkerAssignmentType(Node):
    post: WorkerPost = strawberry.field(description="The post held.")
    started_on: date = strawberry.field(description="First day in the post.")
    ended_on: date | None = strawberry.field(description="Last day in the post; null while held.")
    model: strawberry.Private[WorkerAssignment]

    @classmethod
    def from_model(cls, row: WorkerAssignment) -> WorkerAssignmentType:
        return cls(
            id=to_global_id("WorkerAssignment", row.id),
            post=row.post,
            started_on=row.started_on,
            ended_on=row.ended_on,
            model=row,
        )

    @strawberry.field(description="The place served.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The worker as a person, if visible to you.")
    async def person(self, info: Info) -> PersonType | None:
        return await _person(info, self.model.person_id)

    async def _worker(self, info: Info) -> Person:
        row = await info.context.loaders.by_id(Person).load(self.model.person_id)
        assert row is not None  # a foreign key
        return row

    @strawberry.field(description="The worker's name, as on the public board (公示牌).")
    async def worker_name(self, info: Info) -> str:
        return (await self._worker(info)).name

    @strawberry.field(
        description="The worker's phone: whole while the post is held (it is on the public "
        "board), masked once it has ended unless you may see it."
    )
    async def worker_phone(self, info: Info) -> str:
        worker = await self._worker(info)
        if self.model.ended_on is None or await sees_personal(
            info, Resource.PERSON, worker.place_id, worker.id
        ):
            return worker.phone
        return mask_phone(worker.phone)


for _model, _type in (
    (PartyBranch, PartyBranchType),
    (PartyMember, PartyMemberType),
    (Volunteer, VolunteerType),
    (VolunteerTeam, VolunteerTeamType),
    (CoBuildingUnit, CoBuildingUnitType),
    (WorkerAssignment, WorkerAssignmentType),
):
    register_node(_model.__name__, node_fetcher(_model, _type.from_model))

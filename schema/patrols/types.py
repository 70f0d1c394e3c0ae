"""GraphQL types of patrols (天天转), their findings (六报), visits (六访) and visit coverage."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import Any

import strawberry

from domain.coverage import GridVisitCoverage, missed_persons
from models.enums import FindingKind
from models.lists import Need
from models.patrols import Patrol, PatrolFinding, Visit
from models.people import Person
from permissions.enums import Resource
from permissions.rows import checked_by_caller, visible
from permissions.scope import may_see_personal
from schema.cases.links import linked_case
from schema.cases.types import CaseType
from schema.context import Info
from schema.grid.types import GridType, grid_of
from schema.lists.types import NeedType
from schema.pagination import Connection, Page, connection, paginate
from schema.people_refs import PersonRef
from schema.relay import Node, register_node, to_global_id


async def _person(info: Info, pk: int | None, place_path: str) -> PersonRef | None:
    if pk is None:
        return None
    row = await info.context.loaders.by_id(Person).load(pk)
    if row is None:
        return None
    personal = may_see_personal(info.context.viewer, Resource.PERSON, place_path, row.id)
    return PersonRef.from_model(row, personal=personal)


async def _need(info: Info, pk: int | None) -> NeedType | None:
    if pk is None:
        return None
    row = await visible(Need, info.context.viewer).filter(id=pk).first()
    return NeedType.from_model(row) if row else None


@strawberry.type(name="Patrol", description="A worker's round of their grid (天天转).")
class PatrolType(Node):
    started_at: datetime = strawberry.field(description="When it started.")
    ended_at: datetime | None = strawberry.field(description="When it ended; null while under way.")
    route: str = strawberry.field(description="Where it went.")
    summary: str = strawberry.field(description="The worker's note at the end.")
    model: strawberry.Private[Patrol]

    @classmethod
    def from_model(cls, row: Patrol) -> PatrolType:
        return cls(
            id=to_global_id("Patrol", row.id),
            started_at=row.started_at,
            ended_at=row.ended_at,
            route=row.route,
            summary=row.summary,
            model=row,
        )

    @strawberry.field(description="The grid or micro-grid patrolled.")
    async def grid(self, info: Info) -> GridType:
        return await grid_of(info, self.model.grid_id)

    @strawberry.field(description="The worker, when their account names a person.")
    async def worker(self, info: Info) -> PersonRef | None:
        return await _person(info, self.model.worker_person_id, self.model.grid_path)

    @connection(description="What the round found, in order.")
    async def findings(self, info: Info, page: Page) -> Connection[PatrolFindingType]:
        query = visible(PatrolFinding, info.context.viewer).filter(patrol_id=self.model.id)
        return await paginate(query, PatrolFindingType.from_model, page)


@strawberry.type(name="PatrolFinding", description="A must-report finding of a patrol (六报).")
class PatrolFindingType(Node):
    kind: FindingKind = strawberry.field(description="Which of the six kinds.")
    description: str = strawberry.field(description="What was found.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[PatrolFinding]

    @classmethod
    def from_model(cls, row: PatrolFinding) -> PatrolFindingType:
        return cls(
            id=to_global_id("PatrolFinding", row.id),
            kind=row.kind,
            description=row.description,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="Where.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The round it was found on.")
    async def patrol(self, info: Info) -> PatrolType | None:
        row = await visible(Patrol, info.context.viewer).filter(id=self.model.patrol_id).first()
        return PatrolType.from_model(row) if row else None

    @strawberry.field(description="The need it became, if you may see it.")
    async def need(self, info: Info) -> NeedType | None:
        return await _need(info, self.model.need_id)

    @strawberry.field(description="The case it became, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        return await linked_case(info, self.model.case_id)


@strawberry.type(name="Visit", description="A visit to a person of a key group (六访).")
class VisitType(Node):
    visited_at: datetime = strawberry.field(description="When.")
    month: date = strawberry.field(description="First day of the calendar month it counts for.")
    notes: str = strawberry.field(description="What was talked about.")
    found: str = strawberry.field(description="What was found that needs follow-up.")
    model: strawberry.Private[Visit]

    @classmethod
    def from_model(cls, row: Visit) -> VisitType:
        return cls(
            id=to_global_id("Visit", row.id),
            visited_at=row.visited_at,
            month=row.month,
            notes=row.notes,
            found=row.found,
            model=row,
        )

    @strawberry.field(description="Who was visited.")
    async def person(self, info: Info) -> PersonRef | None:
        return await _person(info, self.model.person_id, self.model.place_path)

    @strawberry.field(description="Who visited, when their account names a person.")
    async def visitor(self, info: Info) -> PersonRef | None:
        return await _person(info, self.model.visitor_person_id, self.model.place_path)

    @strawberry.field(description="Where the visited person lives.")
    async def place(self, info: Info) -> GridType:
        return await grid_of(info, self.model.place_id)

    @strawberry.field(description="The need it became, if you may see it.")
    async def need(self, info: Info) -> NeedType | None:
        return await _need(info, self.model.need_id)

    @strawberry.field(description="The case it became, if you may see it.")
    async def case(self, info: Info) -> CaseType | None:
        return await linked_case(info, self.model.case_id)


@strawberry.type(
    name="GridVisitCoverage",
    description="One grid's monthly visits (六访): who is due, who was missed.",
)
class GridVisitCoverageType:
    month: date = strawberry.field(description="First day of the month.")
    due: int = strawberry.field(description="People of the six key groups living in the grid.")
    visited: int = strawberry.field(
        description="Of those, visited this month (or their household)."
    )
    missed: int = strawberry.field(description="Of those, not visited this month: overdue.")
    percentage: float | None = strawberry.field(
        description="Visited as a percentage of due (one decimal); null when nobody is due."
    )
    model: strawberry.Private[GridVisitCoverage]

    @classmethod
    def from_domain(cls, row: GridVisitCoverage) -> GridVisitCoverageType:
        return cls(
            month=row.month,
            due=row.due,
            visited=row.visited,
            missed=row.missed,
            percentage=row.percentage,
            model=row,
        )

    @strawberry.field(description="The grid.")
    def grid(self) -> GridType:
        return GridType.from_model(self.model.grid)

    @connection(description="Those not yet visited this month.")
    async def missed_persons(self, info: Info, page: Page) -> Connection[PersonRef]:
        path = self.model.grid.path
        viewer = info.context.viewer

        def wrap(row: Person) -> PersonRef:
            return PersonRef.from_model(
                row, personal=may_see_personal(viewer, Resource.PERSON, path, row.id)
            )

        # visitCoverage required reading visits at the place before showing this grid
        query = checked_by_caller(missed_persons(path, self.model.month))
        return await paginate(query, wrap, page)


def _fetcher(queryset_for: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = {r.id: r for r in await queryset_for(info.context.viewer).filter(id__in=ids)}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


register_node("Patrol", _fetcher(partial(visible, Patrol), PatrolType.from_model))
register_node(
    "PatrolFinding", _fetcher(partial(visible, PatrolFinding), PatrolFindingType.from_model)
)
register_node("Visit", _fetcher(partial(visible, Visit), VisitType.from_model))

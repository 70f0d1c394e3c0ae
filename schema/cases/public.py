"""The public board: answered cases for everyone, anonymous included, without the reporter,
with the place coarsened to the micro-grid (or grid) and no address or coordinates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from domain.case_acting import is_reporter
from models.cases import Case, CaseCategory
from models.enums import CaseClass, CaseState, GridLevel
from models.grid import GridNode
from permissions.rows import board
from schema.cases.categories import CaseCategoryType
from schema.cases.types import CaseType
from schema.context import Info
from schema.grid.types import GridType
from schema.relay import Node, register_node, to_global_id
from schema.visibility import visible_by_id

COARSE_LEVELS = (GridLevel.MICRO_GRID, GridLevel.GRID, GridLevel.AREA, GridLevel.COMMUNITY)


@strawberry.type(
    name="PublicCase",
    description="A case on the public board: what was asked and answered, without personal data.",
)
class PublicCaseType(Node):
    title: str = strawberry.field(description="Short title.")
    case_class: CaseClass | None = strawberry.field(description="Its class.")
    state: CaseState = strawberry.field(description="replied or closed.")
    reply: str = strawberry.field(description="The answer given.")
    satisfied: bool | None = strawberry.field(description="Whether the reporter was satisfied.")
    created_at: datetime = strawberry.field(description="When it was received.")
    replied_at: datetime | None = strawberry.field(description="When it was answered.")
    model: strawberry.Private[Case]

    @classmethod
    def from_model(cls, row: Case) -> PublicCaseType:
        return cls(
            id=to_global_id("PublicCase", row.id),
            title=row.title,
            case_class=row.case_class,
            state=row.state,
            reply=row.reply,
            satisfied=row.satisfied,
            created_at=row.created_at,
            replied_at=row.replied_at,
            model=row,
        )

    @strawberry.field(description="Its category.")
    async def category(self, info: Info) -> CaseCategoryType | None:
        if self.model.category_id is None:
            return None
        row = await info.context.loaders.by_id(CaseCategory).load(self.model.category_id)
        return CaseCategoryType.from_model(row) if row else None

    @strawberry.field(description="The micro-grid (or the nearest coarser place) it is in.")
    async def place(self, info: Info) -> GridType | None:
        ids = [int(p) for p in self.model.place_path.split("/") if p]
        rows = await info.context.loaders.by_id(GridNode).load_many(ids)
        for row in reversed(rows):
            if row is not None and row.level in COARSE_LEVELS:
                return GridType.from_model(row)
        return None

    @strawberry.field(
        description="Your own case behind this entry, with all you may see of it: null unless "
        "you reported it (so it tells nobody else who did)."
    )
    async def my_case(self, info: Info) -> CaseType | None:
        if not is_reporter(info.context.viewer.person_id, self.model):
            return None
        row = await visible_by_id(info, Case).load(self.model.id)
        return CaseType.from_model(row) if row else None


async def _fetch_public(info: Any, ids: list[int]) -> list[Any]:
    rows = {c.id: c for c in await board(Case).filter(id__in=ids)}
    return [PublicCaseType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("PublicCase", _fetch_public)

"""GraphQL types of case categories and time-limit rules (public: reporters choose a category)."""

from __future__ import annotations

from typing import Any

import strawberry

from models.cases import CaseCategory, TimeLimitRule
from models.enums import CaseClass
from schema.cases import enums as _enums  # noqa: F401  (registers the enums)
from schema.context import Info
from schema.relay import Node, register_node, to_global_id


@strawberry.type(name="CaseCategory", description="A category of cases, in an admin-kept tree.")
class CaseCategoryType(Node):
    name: str = strawberry.field(description="Name, unique among its siblings.")
    is_active: bool = strawberry.field(description="False once retired.")
    model: strawberry.Private[CaseCategory]

    @classmethod
    def from_model(cls, row: CaseCategory) -> CaseCategoryType:
        return cls(
            id=to_global_id("CaseCategory", row.id),
            name=row.name,
            is_active=row.is_active,
            model=row,
        )

    @strawberry.field(description="The broader category; null at the top.")
    async def parent(self, info: Info) -> CaseCategoryType | None:
        if self.model.parent_id is None:
            return None
        row = await info.context.loaders.by_id(CaseCategory).load(self.model.parent_id)
        return CaseCategoryType.from_model(row) if row else None

    @strawberry.field(description="The narrower categories, active ones first by id.")
    async def children(self, info: Info) -> list[CaseCategoryType]:
        rows = await info.context.loaders.children(CaseCategory, "parent_id").load(self.model.id)
        return [CaseCategoryType.from_model(r) for r in rows]


@strawberry.type(
    name="TimeLimitRule",
    description="Time limits for a category × class (null: any): accept within hours, "
    "handle within working days or, for emergencies, hours.",
)
class TimeLimitRuleType(Node):
    case_class: CaseClass | None = strawberry.field(description="The class; null for any.")
    accept_hours: int = strawberry.field(description="Accept within this many hours.")
    handle_days: int = strawberry.field(description="Handle within this many working days.")
    handle_hours: int | None = strawberry.field(description="Or within this many hours.")
    model: strawberry.Private[TimeLimitRule]

    @classmethod
    def from_model(cls, row: TimeLimitRule) -> TimeLimitRuleType:
        return cls(
            id=to_global_id("TimeLimitRule", row.id),
            case_class=row.case_class,
            accept_hours=row.accept_hours,
            handle_days=row.handle_days,
            handle_hours=row.handle_hours,
            model=row,
        )

    @strawberry.field(description="The category; null for any.")
    async def category(self, info: Info) -> CaseCategoryType | None:
        if self.model.category_id is None:
            return None
        row = await info.context.loaders.by_id(CaseCategory).load(self.model.category_id)
        return CaseCategoryType.from_model(row) if row else None


async def _fetch_categories(info: Any, ids: list[int]) -> list[Any]:
    rows = await info.context.loaders.by_id(CaseCategory).load_many(ids)
    return [CaseCategoryType.from_model(r) if r else None for r in rows]


async def _fetch_rules(info: Any, ids: list[int]) -> list[Any]:
    rows = await info.context.loaders.by_id(TimeLimitRule).load_many(ids)
    return [TimeLimitRuleType.from_model(r) if r else None for r in rows]


register_node("CaseCategory", _fetch_categories)
register_node("TimeLimitRule", _fetch_rules)

"""setTimeLimitRule (admin): the time limits of a category × class."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_categories import set_time_limit
from models.enums import CaseClass
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.cases.access import category_by_id
from schema.cases.categories import TimeLimitRuleType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="Time limits for a category × class; omit either for any.")
class SetTimeLimitRuleInput:
    category_id: strawberry.ID | None = strawberry.field(default=None, description="Category.")
    case_class: CaseClass | None = strawberry.field(default=None, description="Class.")
    accept_hours: int = strawberry.field(description="Accept within this many hours (1–720).")
    handle_days: int = strawberry.field(description="Handle within this many working days.")
    handle_hours: int | None = strawberry.field(
        default=None, description="Or within this many hours (emergencies)."
    )


@strawberry.type(description="The rule was set.")
class TimeLimitRuleSet:
    rule: TimeLimitRuleType = strawberry.field(description="The rule now.")


SetTimeLimitRuleResult = Annotated[
    TimeLimitRuleSet | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("SetTimeLimitRuleResult", description="The result of setTimeLimitRule."),
]


async def set_time_limit_rule_mutation(
    info: Info, input: SetTimeLimitRuleInput
) -> SetTimeLimitRuleResult:
    require(info, Resource.CASE_CATEGORY, Action.UPDATE, ADMIN_DOMAIN)
    category = await category_by_id(input.category_id)
    row = await set_time_limit(
        category=category,
        case_class=input.case_class,
        accept_hours=input.accept_hours,
        handle_days=input.handle_days,
        handle_hours=input.handle_hours,
        actor=info.context.viewer,
    )
    return TimeLimitRuleSet(rule=TimeLimitRuleType.from_model(row))

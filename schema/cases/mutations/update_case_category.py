"""updateCaseCategory (admin): rename or retire a category."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_categories import update_category
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.cases.access import category_by_id
from schema.cases.categories import CaseCategoryType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="Changes to a case category.")
class UpdateCaseCategoryInput:
    category_id: strawberry.ID = strawberry.field(description="The category.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    is_active: bool | None = strawberry.field(default=None, description="False retires it.")


@strawberry.type(description="The category was changed.")
class CaseCategoryUpdated:
    category: CaseCategoryType = strawberry.field(description="The category now.")


UpdateCaseCategoryResult = Annotated[
    CaseCategoryUpdated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("UpdateCaseCategoryResult", description="The result of updateCaseCategory."),
]


async def update_case_category_mutation(
    info: Info, input: UpdateCaseCategoryInput
) -> UpdateCaseCategoryResult:
    require(info, Resource.CASE_CATEGORY, Action.UPDATE, ADMIN_DOMAIN)
    category = await category_by_id(input.category_id)
    row = await update_category(
        category=category, name=input.name, is_active=input.is_active, actor=info.context.viewer
    )
    return CaseCategoryUpdated(category=CaseCategoryType.from_model(row))

"""createCaseCategory (admin): add a category to the tree."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.case_categories import create_category
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.cases.access import category_by_id
from schema.cases.categories import CaseCategoryType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require


@strawberry.input(description="A new case category.")
class CreateCaseCategoryInput:
    name: str = strawberry.field(description="Name, unique among its siblings.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The broader category; omit for a top-level one."
    )


@strawberry.type(description="The category was created.")
class CaseCategoryCreated:
    category: CaseCategoryType = strawberry.field(description="The new category.")


CreateCaseCategoryResult = Annotated[
    CaseCategoryCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreateCaseCategoryResult", description="The result of createCaseCategory."),
]


async def create_case_category_mutation(
    info: Info, input: CreateCaseCategoryInput
) -> CreateCaseCategoryResult:
    require(info, Resource.CASE_CATEGORY, Action.CREATE, ADMIN_DOMAIN)
    parent = await category_by_id(input.parent_id, field="parentId")
    row = await create_category(name=input.name, parent=parent, actor=info.context.viewer)
    return CaseCategoryCreated(category=CaseCategoryType.from_model(row))

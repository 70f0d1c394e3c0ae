"""The schema: root types, every node type, and the extensions every request runs through."""

from __future__ import annotations

import strawberry

from schema.cases.categories import CaseCategoryType, TimeLimitRuleType
from schema.cases.notifications import NotificationType
from schema.cases.public import PublicCaseType
from schema.cases.records import (
    CaseAttachmentType,
    CaseDispatchType,
    CaseEventType,
    CaseExtensionType,
)
from schema.cases.types import CaseType
from schema.grid.types import GridChangeType, GridType, StationType
from schema.limits import guard_rail_extensions
from schema.masking import MaskUnexpectedErrors
from schema.mutation import Mutation
from schema.query import Query

NODE_TYPES: list[type] = [
    GridType,
    GridChangeType,
    StationType,
    CaseType,
    CaseEventType,
    CaseDispatchType,
    CaseAttachmentType,
    CaseExtensionType,
    CaseCategoryType,
    TimeLimitRuleType,
    PublicCaseType,
    NotificationType,
]


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[*guard_rail_extensions(), MaskUnexpectedErrors],
    )


schema = build_schema()

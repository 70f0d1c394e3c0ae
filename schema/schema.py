"""The schema: root types, every node type, and the extensions every request runs through."""

from __future__ import annotations

import strawberry

from schema.accounts.admin_types import ApiTokenType, AuditEntryType, PolicyRuleType
from schema.accounts.department import DepartmentType
from schema.accounts.types import RoleAssignmentType, UserType
from schema.authentication import Unauthenticated401
from schema.grid.types import GridChangeType, GridType, StationType
from schema.limits import guard_rail_extensions
from schema.masking import MaskUnexpectedErrors
from schema.mutation import Mutation
from schema.query import Query

NODE_TYPES: list[type] = [
    GridType,
    GridChangeType,
    StationType,
    UserType,
    RoleAssignmentType,
    DepartmentType,
    ApiTokenType,
    AuditEntryType,
    PolicyRuleType,
]


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[*guard_rail_extensions(), MaskUnexpectedErrors, Unauthenticated401],
    )


schema = build_schema()

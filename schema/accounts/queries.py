"""Query fields of accounts, departments, tokens, the audit log and the policy."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.auth import ApiToken, AuditEntry, RoleAssignment, User
from models.auth_policy import PolicyRule
from models.org import Department
from permissions.enums import Role
from permissions.rows import visible
from schema.accounts.admin_types import ApiTokenType, AuditEntryType, PolicyRuleType
from schema.accounts.department import DepartmentType
from schema.accounts.types import RoleAssignmentType, UserType
from schema.authentication import signed_in
from schema.context import Info
from schema.pagination import Connection, Page, connection, paginate


@strawberry.type
class AccountQueries:
    @strawberry.field(
        description="The signed-in user with their role assignments; null for an API token."
    )
    async def me(self, info: Info) -> UserType | None:
        viewer = signed_in(info)
        if viewer.user_id is None:
            return None
        row = await info.context.loaders.by_id(User).load(viewer.user_id)
        return UserType.from_model(row) if row else None

    @connection(
        description="Login accounts (admins: all, others: their own); by id.", backwards=True
    )
    async def users(
        self,
        info: Info,
        page: Page,
        username_contains: Annotated[
            str | None, strawberry.argument(description="Username contains this text.")
        ] = None,
        is_active: Annotated[
            bool | None, strawberry.argument(description="Only active, or only inactive.")
        ] = None,
    ) -> Connection[UserType]:
        query = visible(User, signed_in(info))
        if username_contains:
            query = query.filter(username__contains=username_contains)
        if is_active is not None:
            query = query.filter(is_active=is_active)
        return await paginate(query, UserType.from_model, page)

    @connection(
        description="Roles held in places (admins: all, others: their own); by id.", backwards=True
    )
    async def role_assignments(
        self,
        info: Info,
        page: Page,
        role: Annotated[Role | None, strawberry.argument(description="Only this role.")] = None,
    ) -> Connection[RoleAssignmentType]:
        query = visible(RoleAssignment, signed_in(info))
        if role is not None:
            query = query.filter(role=role)
        return await paginate(query, RoleAssignmentType.from_model, page)

    @connection(description="Departments (职能部门); by id.", backwards=True)
    async def departments(
        self,
        info: Info,
        page: Page,
        name_contains: Annotated[
            str | None, strawberry.argument(description="Name contains this text.")
        ] = None,
    ) -> Connection[DepartmentType]:
        query = visible(Department, signed_in(info))
        if name_contains:
            query = query.filter(name__contains=name_contains)
        return await paginate(query, DepartmentType.from_model, page)

    @connection(description="Partner apps' API tokens (admins only); by id.", backwards=True)
    async def api_tokens(
        self,
        info: Info,
        page: Page,
        include_revoked: Annotated[
            bool, strawberry.argument(description="Also revoked tokens.")
        ] = False,
    ) -> Connection[ApiTokenType]:
        query = visible(ApiToken, signed_in(info))
        if not include_revoked:
            query = query.filter(revoked_at__isnull=True)
        return await paginate(query, ApiTokenType.from_model, page)

    @connection(
        description="The audit log (admins only), newest first.", backwards=True, newest_first=True
    )
    async def audit_entries(
        self,
        info: Info,
        page: Page,
        target: Annotated[
            str | None, strawberry.argument(description="Only about this target, e.g. `User:7`.")
        ] = None,
        action: Annotated[
            str | None, strawberry.argument(description="Only this action, e.g. `role.assign`.")
        ] = None,
    ) -> Connection[AuditEntryType]:
        query = visible(AuditEntry, signed_in(info))
        if target:
            query = query.filter(target=target)
        if action:
            query = query.filter(action=action)
        return await paginate(query, AuditEntryType.from_model, page)

    @connection(description="Role-level policy rules (admins only); by id.", backwards=True)
    async def policy_rules(
        self,
        info: Info,
        page: Page,
        role: Annotated[Role | None, strawberry.argument(description="Only this role's.")] = None,
    ) -> Connection[PolicyRuleType]:
        query = visible(PolicyRule, signed_in(info))
        if role is not None:
            query = query.filter(v0=role.value)
        return await paginate(query, PolicyRuleType.from_model, page)

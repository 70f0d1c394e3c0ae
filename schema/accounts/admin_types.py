"""Nodes only admins see: API tokens, audit entries and role-level policy rules."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

import strawberry

from domain.api_tokens import is_live
from models.auth import ApiToken, AuditEntry, RoleAssignment
from models.auth_policy import PolicyRule
from permissions.enums import Action, Resource, Role
from permissions.rows import visible
from schema.accounts.types import RoleAssignmentType
from schema.context import Info
from schema.relay import Node, register_node, to_global_id


@strawberry.type(
    name="ApiToken",
    description="A partner app's token (mini-program, 12345 hotline, group bot); its secret is never shown again.",
)
class ApiTokenType(Node):
    name: str = strawberry.field(description="What the token is for.")
    prefix: str = strawberry.field(description="The secret's first characters, to recognise it.")
    read_scopes: list[Resource] = strawberry.field(description="Areas it may read.")
    write_scopes: list[Resource] = strawberry.field(description="Areas it may change.")
    expires_at: datetime = strawberry.field(description="When it stops working.")
    revoked_at: datetime | None = strawberry.field(description="When it was revoked, if it was.")
    last_used_at: datetime | None = strawberry.field(
        description="When it was last used (to the minute)."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    model: strawberry.Private[ApiToken]

    @classmethod
    def from_model(cls, row: ApiToken) -> ApiTokenType:
        return cls(
            id=to_global_id("ApiToken", row.id),
            name=row.name,
            prefix=row.prefix,
            read_scopes=[Resource(v) for v in row.read_scopes],
            write_scopes=[Resource(v) for v in row.write_scopes],
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            last_used_at=row.last_used_at,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="Neither revoked nor expired.")
    def is_live(self) -> bool:
        return is_live(self.model)

    @strawberry.field(description="The roles and places it acts as.")
    async def role_assignments(self, info: Info) -> list[RoleAssignmentType]:
        # Only admins see tokens, and admins see every assignment.
        rows = await info.context.loaders.children(RoleAssignment, "token_id").load(self.model.id)
        return [RoleAssignmentType.from_model(r) for r in rows]


@strawberry.type(
    name="AuditEntry",
    description="One append-only record of an admin action or a change to roles, policies or tokens.",
)
class AuditEntryType(Node):
    action: str = strawberry.field(description="What was done, e.g. `role.assign`.")
    target: str = strawberry.field(description="What it was done to, e.g. `User:7`.")
    before: strawberry.scalars.JSON | None = strawberry.field(description="The target before.")
    after: strawberry.scalars.JSON | None = strawberry.field(description="The target after.")
    created_at: datetime = strawberry.field(description="When.")
    model: strawberry.Private[AuditEntry]

    @classmethod
    def from_model(cls, row: AuditEntry) -> AuditEntryType:
        return cls(
            id=to_global_id("AuditEntry", row.id),
            action=row.action,
            target=row.target,
            before=row.before,
            after=row.after,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="Global ID of the user who did it, if a user did.")
    def actor_user_id(self) -> strawberry.ID | None:
        pk = self.model.actor_user_id
        return to_global_id("User", pk) if pk is not None else None

    @strawberry.field(description="Global ID of the API token that did it, if a token did.")
    def actor_token_id(self) -> strawberry.ID | None:
        pk = self.model.actor_token_id
        return to_global_id("ApiToken", pk) if pk is not None else None


@strawberry.type(
    name="PolicyRule",
    description="A role-level rule: the role may do the action on the resource wherever it is held.",
)
class PolicyRuleType(Node):
    role: Role = strawberry.field(description="The role.")
    resource: Resource = strawberry.field(description="The area.")
    action: Action = strawberry.field(description="What it may do.")

    @classmethod
    def from_model(cls, row: PolicyRule) -> PolicyRuleType:
        return cls(
            id=to_global_id("PolicyRule", row.id),
            role=Role(row.v0),
            resource=Resource(row.v1),
            action=Action(row.v2),
        )


def _fetcher(query: Any, wrap: Any) -> Any:
    async def fetch(info: Any, ids: list[int]) -> list[Any]:
        rows = {r.id: r for r in await query(info.context.viewer).filter(id__in=ids)}
        return [wrap(rows[i]) if i in rows else None for i in ids]

    return fetch


register_node("ApiToken", _fetcher(partial(visible, ApiToken), ApiTokenType.from_model))
register_node("AuditEntry", _fetcher(partial(visible, AuditEntry), AuditEntryType.from_model))
register_node("PolicyRule", _fetcher(partial(visible, PolicyRule), PolicyRuleType.from_model))

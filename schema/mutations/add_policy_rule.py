"""addPolicyRule: let a role do an action on a resource, wherever the role is held."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.policy import add_policy_rule as add_rule
from models.auth_policy import PolicyRule
from permissions.enums import Action, Resource, Role
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts.admin_types import PolicyRuleType
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import Conflict, PermissionDenied
from schema.guards import require


@strawberry.input(description="A role-level rule; never about a single object.")
class PolicyRuleInput:
    role: Role = strawberry.field(description="The role.")
    resource: Resource = strawberry.field(description="The area.")
    action: Action = strawberry.field(description="What it may do.")


@strawberry.type(description="The rule was added; it holds at once in every process.")
class PolicyRuleAdded:
    rule: PolicyRuleType = strawberry.field(description="The new rule.")


AddPolicyRuleResult = Annotated[
    PolicyRuleAdded | Conflict | PermissionDenied,
    strawberry.union("AddPolicyRuleResult", description="The result of addPolicyRule."),
]


async def add_policy_rule(info: Info, input: PolicyRuleInput) -> AddPolicyRuleResult:
    viewer = signed_in(info)

    require(info, Resource.POLICY, Action.CREATE, ADMIN_DOMAIN)
    await add_rule(role=input.role, resource=input.resource, action=input.action, actor=viewer)
    row = await PolicyRule.get(
        ptype="p", v0=input.role.value, v1=input.resource.value, v2=input.action.value
    )
    return PolicyRuleAdded(rule=PolicyRuleType.from_model(row))

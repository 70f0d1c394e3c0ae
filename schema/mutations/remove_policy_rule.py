"""removePolicyRule: stop a role doing an action on a resource; assignments are untouched."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.policy import remove_policy_rule as remove_rule
from permissions.enums import Action, Resource, Role
from permissions.viewer import ADMIN_DOMAIN
from schema.authentication import signed_in
from schema.context import Info
from schema.errors import NotFound, PermissionDenied
from schema.guards import require
from schema.mutations.add_policy_rule import PolicyRuleInput


@strawberry.type(description="The rule was removed; it no longer holds in any process.")
class PolicyRuleRemoved:
    role: Role = strawberry.field(description="The role.")
    resource: Resource = strawberry.field(description="The area.")
    action: Action = strawberry.field(description="What it may no longer do.")


RemovePolicyRuleResult = Annotated[
    PolicyRuleRemoved | NotFound | PermissionDenied,
    strawberry.union("RemovePolicyRuleResult", description="The result of removePolicyRule."),
]


async def remove_policy_rule(info: Info, input: PolicyRuleInput) -> RemovePolicyRuleResult:
    viewer = signed_in(info)

    require(info, Resource.POLICY, Action.DELETE, ADMIN_DOMAIN)
    await remove_rule(role=input.role, resource=input.resource, action=input.action, actor=viewer)
    return PolicyRuleRemoved(role=input.role, resource=input.resource, action=input.action)

"""Role-level policy rules (``p, role, resource, action``), changed by admins and audited."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.errors import ConflictError, NotFoundError
from permissions.enforcer import add_rule, remove_rule
from permissions.enums import Action, Resource, Role
from permissions.events import permissions_changed
from permissions.viewer import Viewer


def _rule(role: Role, resource: Resource, action: Action) -> dict[str, str]:
    return {"role": role.value, "resource": resource.value, "action": action.value}


def _target(role: Role, resource: Resource, action: Action) -> str:
    return f"PolicyRule:{role.value},{resource.value},{action.value}"


async def add_policy_rule(
    *, role: Role, resource: Resource, action: Action, actor: Viewer | None = None
) -> None:
    """Let ``role`` do ``action`` on ``resource`` wherever it is held."""
    try:
        async with in_transaction():
            if not await add_rule(role, resource, action):
                raise ConflictError("That rule already exists")
            await audit(
                actor,
                "policy.add",
                _target(role, resource, action),
                after=_rule(role, resource, action),
            )
    finally:
        # The enforcer changed in memory before the commit: reload it from what was committed.
        await permissions_changed()


async def remove_policy_rule(
    *, role: Role, resource: Resource, action: Action, actor: Viewer | None = None
) -> None:
    try:
        async with in_transaction():
            if not await remove_rule(role, resource, action):
                raise NotFoundError("PolicyRule", f"{role.value}, {resource.value}, {action.value}")
            await audit(
                actor,
                "policy.remove",
                _target(role, resource, action),
                before=_rule(role, resource, action),
            )
    finally:
        await permissions_changed()

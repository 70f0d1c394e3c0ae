"""Declared permission checks of resolvers; the decision itself is ``permissions/``'s."""

from __future__ import annotations

from domain.errors import PermissionDeniedError
from permissions.enums import Action, Resource
from permissions.guard import allowed
from schema.context import Info


def require(info: Info, resource: Resource, action: Action, domain: str) -> None:
    """Raise ``PermissionDeniedError`` unless the caller may ``action`` a ``resource`` at ``domain``."""
    if not allowed(info.context.viewer, resource, action, domain):
        raise PermissionDeniedError(
            f"You may not {action.value} {resource.value.replace('_', ' ')} here"
        )

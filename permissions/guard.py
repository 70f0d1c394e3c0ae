"""The one question every resolver asks: may this viewer do this action on this resource here?"""

from __future__ import annotations

from permissions.enforcer import can
from permissions.enums import Action, Resource
from permissions.viewer import Viewer


def allowed(viewer: Viewer, resource: Resource, action: Action, domain: str) -> bool:
    """Casbin decides for the viewer's subject; an API token must also hold the area in scope."""
    if viewer.is_anonymous:
        return False
    scopes = (
        viewer.read_scopes if action in (Action.READ, Action.READ_PERSONAL) else viewer.write_scopes
    )
    if scopes is not None and resource.value not in scopes:
        return False
    return can(viewer.subject, domain, resource, action)

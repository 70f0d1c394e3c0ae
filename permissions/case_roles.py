"""In which role someone acts on a case (which cases they see: ``permissions/rows/cases.py``)."""

from __future__ import annotations

from permissions.enforcer import domain_matches
from permissions.enums import Action, Resource, Role
from permissions.guard import allowed
from permissions.scope import readable_domains
from permissions.viewer import Viewer

# Higher first: the role an event records when several grants cover the place.
ROLE_RANK = (
    Role.ADMIN,
    Role.COMMUNITY_CADRE,
    Role.GRID_WORKER,
    Role.MICRO_GRID_WORKER,
    Role.DEPARTMENT_RESPONDER,
    Role.RESIDENT,
)
REPORTER = "reporter"


def acting_role(viewer: Viewer, domain: str) -> str:
    """The highest role the viewer holds that covers ``domain``."""
    held = {g.role for g in viewer.grants if domain_matches(domain, g.domain)}
    for role in ROLE_RANK:
        if role in held:
            return role.value
    return REPORTER


def case_role(
    viewer: Viewer,
    permission: Action,
    *,
    place_path: str,
    department_ids: list[int],
    is_reporter: bool,
) -> str | None:
    """The role in which the viewer may take ``permission`` on a case, or None if they may not:
    at the case's place, in a department it was dispatched to, or as its reporter (who may
    do in their own case what their role may do somewhere)."""
    for domain in (place_path, *(f"dept:{d}" for d in department_ids)):
        if allowed(viewer, Resource.CASE, permission, domain):
            return acting_role(viewer, domain)
    if is_reporter and readable_domains(viewer, Resource.CASE, permission):
        return REPORTER
    return None


def submit_role(viewer: Viewer, place_path: str, *, for_self: bool) -> str | None:
    """The role in which the viewer reports a case at ``place_path``: workers and partner apps
    where their role may submit; a resident reporting for themself from anywhere they may."""
    if allowed(viewer, Resource.CASE, Action.SUBMIT, place_path):
        return acting_role(viewer, place_path)
    if for_self and readable_domains(viewer, Resource.CASE, Action.SUBMIT):
        return REPORTER
    return None

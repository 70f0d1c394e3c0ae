"""Who sees which cases, and in which role someone acts on one.

Residents see the cases they reported (and the originals their duplicates were merged into);
workers and cadres the cases of their subtree; department responders the cases dispatched to
their department. Everyone else sees only the public board (``schema/cases/public.py``).
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from models.case_records import CaseDispatch
from models.cases import Case, depth_column
from permissions.enforcer import domain_matches
from permissions.enums import Action, Resource, Role
from permissions.guard import allowed
from permissions.scope import among, readable_domains, scope_filter
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


def own_cases(viewer: Viewer) -> Q | None:
    """The cases the viewer reported, and the originals their duplicates joined."""
    if viewer.person_id is None:
        return None
    merged = Case.filter(reporter_id=viewer.person_id, merged_into_id__isnull=False)
    return Q(reporter_id=viewer.person_id) | among("id", merged.values("merged_into_id"))


def _dispatched_to(department_ids: list[int]) -> Q:
    return among("id", CaseDispatch.filter(department_id__in=department_ids).values("case_id"))


def case_place(low: str, high: str) -> Q:
    """The cases in the subtree ``[low, high)`` (a ``PlacePath``; ``low`` is the subtree's
    own path): by the indexed ancestor column of its node when it is shallow enough, so a
    page of them costs the same at any size, else by the path range."""
    ids = [int(part) for part in low.split("/") if part]
    column = depth_column(len(ids) - 1)
    if column is not None:
        same_ancestor: dict[str, Any] = {column: ids[-1]}
        return Q(**same_ancestor)
    return Q(place_path__gte=low, place_path__lt=high)


def case_filter(viewer: Viewer, action: Action = Action.READ) -> Q | None:
    """The cases ``viewer`` may see (None: all of them)."""
    return scope_filter(
        viewer,
        Resource.CASE,
        place_path=case_place,
        own=own_cases(viewer),
        department_filter=_dispatched_to,
        action=action,
    )


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

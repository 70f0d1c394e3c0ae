"""Which accounts, roles, departments, tokens, audit entries and rules a viewer may see, and
the tree, its stations and the case categories everyone sees."""

from __future__ import annotations

from tortoise.expressions import Q

from models.auth import ApiToken, AuditEntry, RoleAssignment, User
from models.auth_policy import PolicyRule
from models.case_records import Notification
from models.cases import CaseCategory, TimeLimitRule
from models.grid import GridChange, GridNode, PlaceBoundary, Station
from models.org import Department
from permissions.enums import Resource
from permissions.rows.registry import child_rows, public_rows, rule
from permissions.scope import scope_clauses
from permissions.viewer import Viewer


@rule(User)
def users(viewer: Viewer) -> list[Q] | None:
    """Admins see every account, anyone else only their own."""
    own = Q(id=viewer.user_id) if viewer.user_id is not None else None
    return scope_clauses(viewer, Resource.USER, place_path=None, own=own)


@rule(RoleAssignment)
def role_assignments(viewer: Viewer) -> list[Q] | None:
    """Admins see every assignment, a user their own."""
    own = Q(user_id=viewer.user_id) if viewer.user_id is not None else None
    return scope_clauses(viewer, Resource.ROLE_ASSIGNMENT, place_path=None, own=own)


@rule(Department)
def departments(viewer: Viewer) -> list[Q] | None:
    """Departments serve every grid: whoever may read them somewhere sees them all, a
    responder their own department."""
    return scope_clauses(
        viewer,
        Resource.DEPARTMENT,
        place_path=None,
        department_field="id",
        everywhere_from_any_grid=True,
    )


@rule(ApiToken)
def api_tokens(viewer: Viewer) -> list[Q] | None:
    return scope_clauses(viewer, Resource.API_TOKEN, place_path=None)


@rule(AuditEntry)
def audit_entries(viewer: Viewer) -> list[Q] | None:
    return scope_clauses(viewer, Resource.AUDIT, place_path=None)


@rule(PolicyRule, base=Q(ptype="p"))
def policy_rules(viewer: Viewer) -> list[Q] | None:
    return scope_clauses(viewer, Resource.POLICY, place_path=None)


@rule(Notification)
def notifications(viewer: Viewer) -> list[Q] | None:
    """Each user sees their own notifications, and nobody else's (not even an admin)."""
    return [Q(recipient_id=viewer.user_id)] if viewer.user_id is not None else []


# The tree, its boundaries, its stations and the case categories and time limits are public.
for _public in (GridNode, PlaceBoundary, Station, CaseCategory, TimeLimitRule):
    public_rows(_public)
child_rows(GridChange, GridNode, "node_id")

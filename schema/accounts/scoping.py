"""Which account-area rows a caller sees: each a call of ``permissions.scope.restrict``, used
by the lists, by ``node(id:)`` and by mutations looking up what they change."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.auth import ApiToken, AuditEntry, RoleAssignment, User
from models.auth_policy import PolicyRule
from models.org import Department
from permissions.enums import Resource
from permissions.scope import restrict
from permissions.viewer import Viewer


def users(viewer: Viewer) -> QuerySet[User]:
    """Admins see every account, anyone else only their own."""
    own = Q(id=viewer.user_id) if viewer.user_id is not None else None
    return restrict(User.all(), viewer, Resource.USER, place_path=None, own=own)


def role_assignments(viewer: Viewer) -> QuerySet[RoleAssignment]:
    """Admins see every assignment, a user their own."""
    own = Q(user_id=viewer.user_id) if viewer.user_id is not None else None
    return restrict(
        RoleAssignment.all(), viewer, Resource.ROLE_ASSIGNMENT, place_path=None, own=own
    )


def departments(viewer: Viewer) -> QuerySet[Department]:
    """Departments serve every grid: whoever may read them somewhere sees them all, a
    responder their own department."""
    return restrict(
        Department.all(),
        viewer,
        Resource.DEPARTMENT,
        place_path=None,
        department_field="id",
        everywhere_from_any_grid=True,
    )


def api_tokens(viewer: Viewer) -> QuerySet[ApiToken]:
    return restrict(ApiToken.all(), viewer, Resource.API_TOKEN, place_path=None)


def audit_entries(viewer: Viewer) -> QuerySet[AuditEntry]:
    return restrict(AuditEntry.all(), viewer, Resource.AUDIT, place_path=None)


def policy_rules(viewer: Viewer) -> QuerySet[PolicyRule]:
    return restrict(PolicyRule.filter(ptype="p"), viewer, Resource.POLICY, place_path=None)

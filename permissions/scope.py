"""Row scoping: the one place that turns "who may see what" into a query filter.

Every list and connection, every ``node(id:)`` fetch and every nested edge passes its query
through ``restrict()``, so no path can show what a list hides. Casbin decides, per grant the
viewer holds, whether that grant's role may read the resource; the grant's place becomes a
path range (one index seek) or a department id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.viewer import ADMIN_DOMAIN, Viewer

M = TypeVar("M", bound=Model)


def subtree_range(path: str) -> tuple[str, str]:
    """``(low, high)`` with ``low <= p < high`` exactly for paths in the subtree of ``path``
    (``'0'`` follows ``'/'`` in byte order)."""
    return path, path[:-1] + "0"


def readable_domains(viewer: Viewer, resource: Resource, action: Action = Action.READ) -> list[str]:
    """The places (grid paths, ``dept:<id>``, or ``/``) where the viewer may ``action`` it."""
    domains = {g.domain for g in viewer.grants}
    return sorted(d for d in domains if allowed(viewer, resource, action, d))


def scope_filter(
    viewer: Viewer,
    resource: Resource,
    *,
    place_path: str | None,
    own: Q | None = None,
    public: Q | None = None,
    department_field: str | None = None,
    action: Action = Action.READ,
    everywhere_from_any_grid: bool = False,
    department_filter: Callable[[list[int]], Q] | None = None,
    place_clause: Callable[[str], Q] | None = None,
) -> Q | None:
    """The filter of rows the viewer may see, or None for "everything" (an admin).

    ``everywhere_from_any_grid`` is for rows that belong to no place of the tree but serve
    all of it (departments): a grant held in any grid node that allows the action shows them all.
    ``department_filter`` builds the clause for the viewer's departments when a plain
    ``department_field`` cannot say it (e.g. a row reached through another table).
    ``place_clause`` turns a grid path into the clause of its subtree when a model has a
    better one than the ``place_path`` range (cases: an indexed ancestor column).
    """
    domains = readable_domains(viewer, resource, action)
    if ADMIN_DOMAIN in domains:
        return None
    if everywhere_from_any_grid and any(d.startswith(ADMIN_DOMAIN) for d in domains):
        return None
    clauses: list[Q] = []
    department_ids: list[int] = []
    for domain in domains:
        if domain.startswith("dept:"):
            department_ids.append(int(domain[5:]))
        elif place_clause is not None:
            clauses.append(place_clause(domain))
        elif place_path is not None:
            low, high = subtree_range(domain)
            clauses.append(Q(**{f"{place_path}__gte": low, f"{place_path}__lt": high}))
    if department_ids and department_field is not None:
        in_departments: dict[str, Any] = {f"{department_field}__in": department_ids}
        clauses.append(Q(**in_departments))
    if department_ids and department_filter is not None:
        clauses.append(department_filter(department_ids))
    if own is not None and not viewer.is_anonymous:
        clauses.append(own)
    if public is not None:
        clauses.append(public)
    if not clauses:
        return Q(pk__in=[])
    return Q(*clauses, join_type="OR")


def restrict(
    queryset: QuerySet[M],
    viewer: Viewer,
    resource: Resource,
    *,
    place_path: str | None,
    own: Q | None = None,
    public: Q | None = None,
    department_field: str | None = None,
    action: Action = Action.READ,
    everywhere_from_any_grid: bool = False,
    department_filter: Callable[[list[int]], Q] | None = None,
) -> QuerySet[M]:
    """``queryset`` narrowed to the rows ``viewer`` may see (see ``scope_filter``)."""
    condition = scope_filter(
        viewer,
        resource,
        place_path=place_path,
        own=own,
        public=public,
        department_field=department_field,
        action=action,
        everywhere_from_any_grid=everywhere_from_any_grid,
        department_filter=department_filter,
    )
    return queryset if condition is None else queryset.filter(condition)


def may_see_personal(viewer: Viewer, resource: Resource, place: str, *owners: Any) -> bool:
    """Whole phone numbers, addresses and key-group tags: for the person themself (``owners``
    holds their person id), and for those whose role may ``read_personal`` at ``place``."""
    if viewer.person_id is not None and viewer.person_id in owners:
        return True
    return allowed(viewer, resource, Action.READ_PERSONAL, place)

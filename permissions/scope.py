"""Turning "who may see what" into query clauses, for the row rules of ``permissions/rows``.

Casbin decides, per grant the viewer holds, whether that grant's role may read the resource;
the grant's place becomes a path range (one index seek) or a department id.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pypika_tortoise.context import SqlContext
from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import ValuesQuery

from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.viewer import ADMIN_DOMAIN, Viewer

M = TypeVar("M", bound=Model)

# Where a row's place is: the name of a path field (``place_path``, or ``place__path`` across
# one join), or a function of a subtree's ``(low, high)`` bounds giving the filter, for rows
# whose place is further away (see ``permissions.rows``).
PlacePath = str | Callable[[str, str], Q]


def subtree_range(path: str) -> tuple[str, str]:
    """``(low, high)`` with ``low <= p < high`` exactly for paths in the subtree of ``path``
    (``'0'`` follows ``'/'`` in byte order)."""
    return path, path[:-1] + "0"


class _AnyOf(Subquery):
    """``ANY(ARRAY(subquery))``, compared with ``=``."""

    def get_sql(self, ctx: SqlContext) -> str:
        return f"ANY(ARRAY({super().get_sql(ctx)}))"


def among(field: str, values: ValuesQuery[Any]) -> Q:
    """Rows whose ``field`` is one of the values the query selects, e.g. the nodes of a subtree.

    Scoping ``OR``s such a clause with the viewer's own rows; every side of an ``OR`` must use an
    index, or the whole table is read. SQLite looks ``IN (subquery)`` up in the index of
    ``field``; PostgreSQL does only for ``= ANY(ARRAY(subquery))``, which it evaluates once.
    """
    condition: dict[str, Any]
    if values.model._meta.db.capabilities.dialect == "postgres":
        condition = {field: _AnyOf(values)}
    else:
        condition = {f"{field}__in": Subquery(values)}
    return Q(**condition)


def in_subtree(place_path: PlacePath, path: str) -> Q:
    """The rows whose place (found through ``place_path``) is in the subtree of ``path``."""
    low, high = subtree_range(path)
    if callable(place_path):
        return place_path(low, high)
    return Q(**{f"{place_path}__gte": low, f"{place_path}__lt": high})


def readable_domains(viewer: Viewer, resource: Resource, action: Action = Action.READ) -> list[str]:
    """The places (grid paths, ``dept:<id>``, or ``/``) where the viewer may ``action`` it."""
    domains = {g.domain for g in viewer.grants}
    return sorted(d for d in domains if allowed(viewer, resource, action, d))


def scope_clauses(
    viewer: Viewer,
    resource: Resource,
    *,
    place_path: PlacePath | None,
    own: Q | list[Q] | None = None,
    public: Q | None = None,
    department_field: str | None = None,
    action: Action = Action.READ,
    everywhere_from_any_grid: bool = False,
    department_filter: Callable[[list[int]], Q] | None = None,
) -> list[Q] | None:
    """The clauses any of which shows a row to the viewer, or None for "every row" (an admin).

    ``everywhere_from_any_grid`` is for rows that belong to no place of the tree but serve
    all of it (departments): a grant held in any grid node that allows the action shows them all.
    ``department_filter`` builds the clause for the viewer's departments when a plain
    ``department_field`` cannot say it (e.g. a row reached through another table).
    ``own`` may be several clauses, each then paged on its own index.
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
        elif place_path is not None:
            clauses.append(in_subtree(place_path, domain))
    if department_ids and department_field is not None:
        in_departments: dict[str, Any] = {f"{department_field}__in": department_ids}
        clauses.append(Q(**in_departments))
    if department_ids and department_filter is not None:
        clauses.append(department_filter(department_ids))
    if own is not None and not viewer.is_anonymous:
        clauses.extend(own if isinstance(own, list) else [own])
    if public is not None:
        clauses.append(public)
    return clauses


def may_see_personal(viewer: Viewer, resource: Resource, place: str, *owners: Any) -> bool:
    """Whole phone numbers, addresses and key-group tags: for the person themself (``owners``
    holds their person id), and for those whose role may ``read_personal`` at ``place``."""
    if viewer.person_id is not None and viewer.person_id in owners:
        return True
    return allowed(viewer, resource, Action.READ_PERSONAL, place)


def may_somewhere(viewer: Viewer, resource: Resource, action: Action) -> bool:
    """Whether any role the viewer holds may ``action`` at all: residents claim and sign up
    beyond the building their role is held in."""
    return bool(readable_domains(viewer, resource, action))

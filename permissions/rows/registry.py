"""The registry of row rules: for each model, which of its rows a viewer may see.

Every list, nested connection, ``node(id:)`` fetch, export and subscription starts from
``visible(model, viewer)`` (rows scoped to the viewer), ``board(model)`` (a public board
everyone sees) or ``children(model, parent)`` (rows that belong to a parent object the
viewer was already shown). Each returns a ``Scoped`` query, and ``paginate`` pages nothing
else: a list built straight from ``Model.all()`` fails at once instead of leaking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.expressions import Q
from tortoise.models import Model
from tortoise.queryset import QuerySet

from permissions.viewer import Viewer

M = TypeVar("M", bound=Model)

# A rule gives the clauses any of which shows a row (None: every row; []: none).
Rule = Callable[[Viewer], list[Q] | None]


class Scoped(QuerySet[M]):
    """A query of rows that went through this registry. It stays one through ``filter``,
    ``exclude`` and ``order_by`` (they clone their own class), so ``paginate`` can tell at run
    time; the functions below are typed as plain ``QuerySet``, as Tortoise types ``filter``.

    ``any_of`` holds the rule's clauses when the caller asked to page each on its own index
    (the query itself is always filtered by all of them together)."""

    any_of: tuple[Q, ...] = ()

    def _clone(self) -> Scoped[M]:
        clone: Scoped[M] = super()._clone()  # type: ignore[assignment]
        clone.any_of = self.any_of
        return clone


@dataclass(frozen=True)
class Entry:
    rule: Rule
    base: Q | None = None  # rows of the table that are not of this model's kind at all


_RULES: dict[type[Model], Entry] = {}
_BOARDS: dict[type[Model], Q] = {}
_CHILDREN: dict[type[Model], tuple[type[Model], str]] = {}


def rule(model: type[Model], *, base: Q | None = None) -> Callable[[Rule], Rule]:
    """Register the row rule of ``model`` (one per model)."""

    def register(function: Rule) -> Rule:
        if model in _RULES:
            raise RuntimeError(f"{model.__name__} already has a row rule")
        _RULES[model] = Entry(function, base)
        return function

    return register


def public_rows(model: type[Model], condition: Q | None = None) -> None:
    """``model`` is public: everyone sees its rows (those meeting ``condition``)."""
    rule(model, base=condition)(_everyone)


def board_rows(model: type[Model], condition: Q) -> None:
    """``model``'s public board (公示): everyone sees the rows meeting ``condition``."""
    _BOARDS[model] = condition


def child_rows(model: type[Model], parent: type[Model], fk: str) -> None:
    """``model``'s rows are shown only under a ``parent`` the viewer was shown (``fk``)."""
    _CHILDREN[model] = (parent, fk)


def _everyone(viewer: Viewer) -> list[Q] | None:
    return None


def _scoped(model: type[M]) -> Scoped[M]:
    return Scoped(model).using_db(model._choose_db())  # type: ignore[return-value]


def clauses(model: type[Model], viewer: Viewer) -> list[Q] | None:
    """The clauses any of which shows a row of ``model`` to ``viewer`` (None: every row), for
    ``paginate`` to page each on its own index."""
    return _entry(model).rule(viewer)


def visible(model: type[M], viewer: Viewer, *, page_by_clause: bool = False) -> QuerySet[M]:
    """Every row of ``model`` the viewer may see (a query, not yet run).

    With ``page_by_clause``, ``paginate`` pages each clause of the rule on its own index and
    merges the pages: the first page of a union is within the first pages of its parts, while
    one ``OR`` makes the database collect and sort the whole union (the case list needs it)."""
    entry = _entry(model)
    query: Scoped[M] = _scoped(model)
    if entry.base is not None:
        query = query.filter(entry.base)  # type: ignore[assignment]
    found = entry.rule(viewer)
    if found is None:
        return query
    query = query.filter(Q(*found, join_type="OR") if found else Q(pk__in=[]))  # type: ignore[assignment]
    if page_by_clause and len(found) > 1:
        query.any_of = tuple(found)
    return query


def is_scoped(query: QuerySet[Any]) -> bool:
    """Whether ``query`` came from this registry."""
    return isinstance(query, Scoped)


def page_clauses(query: QuerySet[Any]) -> tuple[Q, ...]:
    """The clauses ``paginate`` pages one by one (empty: page the query as it is)."""
    return query.any_of if isinstance(query, Scoped) else ()


def board(model: type[M]) -> QuerySet[M]:
    """The rows of ``model``'s public board."""
    return _scoped(model).filter(_BOARDS[model])


def children(model: type[M], parent: Model) -> QuerySet[M]:
    """The rows of ``model`` under ``parent``, an object the caller has already been shown."""
    parent_model, fk = _CHILDREN[model]
    if not isinstance(parent, parent_model):
        raise TypeError(f"{model.__name__} rows belong to a {parent_model.__name__}")
    condition: dict[str, Any] = {fk: parent.pk}
    return _scoped(model).filter(**condition)


def checked_by_caller(query: QuerySet[M]) -> QuerySet[M]:
    """A query the resolver has scoped itself (a domain query over a place the viewer was
    checked for): named, so that every such place can be found and read."""
    query.__class__ = Scoped
    return query


def _entry(model: type[Model]) -> Entry:
    try:
        return _RULES[model]
    except KeyError:
        raise LookupError(f"{model.__name__} has no row rule in permissions/rows") from None


def registered() -> dict[str, list[str]]:
    """Which models have which kind of rule (the tests check every node type has one)."""
    return {
        "rule": sorted(m.__name__ for m in _RULES),
        "board": sorted(m.__name__ for m in _BOARDS),
        "children": sorted(m.__name__ for m in _CHILDREN),
    }

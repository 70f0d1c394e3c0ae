"""Row scoping: for every model, which rows a viewer may see — one registry
(``registry.py``) and one module of rules per area, all registered on import."""

from permissions.rows import accounts, cases, lists, people, work
from permissions.rows.registry import (
    Scoped,
    board,
    checked_by_caller,
    children,
    clauses,
    is_scoped,
    page_clauses,
    registered,
    visible,
)

__all__ = [
    "Scoped",
    "accounts",
    "board",
    "cases",
    "checked_by_caller",
    "children",
    "clauses",
    "is_scoped",
    "lists",
    "page_clauses",
    "people",
    "registered",
    "visible",
    "work",
]

"""The size of a document as GraphQL will walk it, counted before any validation rule runs.

Several validation rules (graphql-core's ``OverlappingFieldsCanBeMerged``, strawberry's
``QueryDepthLimiter``) expand each fragment spread where it stands, so a fragment spreading the
next one twice doubles their work per level: twenty levels freeze the server for seconds while
the document is a few hundred characters. Here each definition is read once and each fragment's
expanded size is computed once (memoised, in dependency order), so the count is linear in the
document however deep its spreads go; a fragment that spreads itself, directly or not, has no
finite size and is refused too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from graphql import (
    DocumentNode,
    ExecutableDefinitionNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    SelectionSetNode,
)

from schema.errors import UserError

MAX_SELECTIONS = 500  # fields of the document with every fragment spread expanded
MAX_FRAGMENT_SPREADS = 100  # fragment spreads written in the document


@dataclass(frozen=True)
class _Body:
    """One definition read once: its own fields, and how often it spreads each fragment."""

    fields: int
    spreads: Counter[str]


def complexity_error(document: DocumentNode) -> UserError | None:
    """``query_too_complex`` when the document is too big once its fragments are expanded.

    Two fragments of one name are refused here too (``invalid_query``, in GraphQL's words):
    validation would report them, but its rules expand the last one while this count read the
    first, so a harmless first definition could hide a bomb behind it."""
    bodies: dict[str, _Body] = {}
    operations: list[_Body] = []
    for definition in document.definitions:
        if not isinstance(definition, ExecutableDefinitionNode):
            continue
        body = _read(definition.selection_set)
        if not isinstance(definition, FragmentDefinitionNode):
            operations.append(body)
        elif definition.name.value in bodies:
            name = definition.name.value
            return UserError("invalid_query", f"There can be only one fragment named '{name}'.")
        else:
            bodies[definition.name.value] = body
    spreads = sum(sum(body.spreads.values()) for body in (*bodies.values(), *operations))
    if spreads > MAX_FRAGMENT_SPREADS:
        return _too_complex(
            f"The document spreads fragments {spreads:,} times, more than {MAX_FRAGMENT_SPREADS}"
        )
    sizes = _expanded_sizes(bodies)
    if isinstance(sizes, str):
        return _too_complex(f"Fragment '{sizes}' spreads itself: it has no end")
    total = sum(_size(body, sizes) for body in operations)
    # A fragment no operation spreads is still validated: it may not be too big either.
    total = max(total, *sizes.values()) if sizes else total
    if total > MAX_SELECTIONS:
        return _too_complex(
            f"The document selects {total:,} fields once its fragments are expanded, more than "
            f"{MAX_SELECTIONS:,}"
        )
    return None


def _too_complex(reason: str) -> UserError:
    return UserError("query_too_complex", f"{reason}: write a smaller document")


def _read(selection_set: SelectionSetNode | None) -> _Body:
    """Counts a selection tree's fields and spreads, without expanding them (no recursion)."""
    fields = 0
    spreads: Counter[str] = Counter()
    pending = [selection_set]
    while pending:
        current = pending.pop()
        for selection in current.selections if current is not None else ():
            if isinstance(selection, FragmentSpreadNode):
                spreads[selection.name.value] += 1
                continue
            if isinstance(selection, FieldNode):
                fields += 1
            pending.append(getattr(selection, "selection_set", None))
    return _Body(fields=fields, spreads=spreads)


def _size(body: _Body, sizes: dict[str, int]) -> int:
    # An unknown fragment counts nothing here: validation names it.
    return body.fields + sum(n * sizes.get(name, 0) for name, n in body.spreads.items())


def _expanded_sizes(bodies: dict[str, _Body]) -> dict[str, int] | str:
    """Each fragment's expanded size, children first; the name of one in a cycle if any."""
    sizes: dict[str, int] = {}
    on_path: set[str] = set()
    for root in bodies:
        stack = [(root, False)]
        while stack:
            name, children_done = stack.pop()
            if name in sizes or name not in bodies:
                continue
            if children_done:
                on_path.discard(name)
                sizes[name] = _size(bodies[name], sizes)
                continue
            if name in on_path:
                return name
            on_path.add(name)
            stack.append((name, True))
            stack.extend((child, False) for child in bodies[name].spreads if child not in sizes)
    return sizes

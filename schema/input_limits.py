"""The length of every string an operation passes, checked once, before any resolver runs.

Strings are found wherever they are written: literals in arguments and input objects, variables'
values (nested input objects and lists too) and variables' defaults. Each is measured against
the limit of the argument or input field that holds it, by name: free text (descriptions,
notes, minutes) may be long, everything else (names, titles, phones, ids, cursors, searches)
is short. The domain's own rules, stricter and per field, still answer with ``fieldErrors``;
this one keeps an oversized value from reaching them or the database.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    SKIP,
    ArgumentNode,
    DocumentNode,
    ListValueNode,
    ObjectValueNode,
    StringValueNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    visit,
)

from schema.errors import UserError

MAX_STRING = 1_000  # any string argument or input field not named below
MAX_LONG_TEXT = 10_000  # free text
MAX_MINUTES = 50_000  # a meeting's minutes
LONG_TEXT_FIELDS = frozenset(
    {
        "availability",
        "comment",
        "description",
        "evidence",
        "explanation",
        "found",
        "note",
        "notes",
        "reason",
        "result",
        "route",
        "schedule",
        "skills",
        "summary",
        "text",
    }
)
# Checked by the input that holds it (``file_too_large`` against the upload limit; a GeoJSON
# import's ``too_long`` against ``domain.boundaries.geojson.MAX_GEOJSON_BYTES``).
UNCHECKED_FIELDS = frozenset({"contentBase64", "geoJson"})


def max_length(name: str) -> int | None:
    """The longest string the argument or input field ``name`` accepts; None: not checked here."""
    if name in UNCHECKED_FIELDS:
        return None
    if name == "minutes":
        return MAX_MINUTES
    return MAX_LONG_TEXT if name in LONG_TEXT_FIELDS else MAX_STRING


class _Arguments(Visitor):
    """Collects every argument's (name, value) and every variable's default."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, Any]] = []
        self.defaults: dict[str, ValueNode] = {}

    def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
        self.found.append((node.name.value, node.value))
        return SKIP  # its value is walked below, with the names of its fields

    def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> Any:
        if node.default_value is not None:
            self.defaults.setdefault(node.variable.name.value, node.default_value)
        return SKIP


def too_long_error(document: DocumentNode, variables: dict[str, Any] | None) -> UserError | None:
    """``too_long`` for the first string longer than its argument or input field accepts."""
    arguments = _Arguments()
    visit(document, arguments)
    values = variables or {}
    pending = arguments.found
    seen_variables: set[tuple[str, str]] = set()  # a variable's value, walked once per name
    while pending:  # no recursion: a variable's value may nest as deep as JSON allows
        name, value = pending.pop()
        if isinstance(value, VariableNode):
            variable = value.name.value
            if (variable, name) not in seen_variables:
                seen_variables.add((variable, name))
                pending.append((name, values.get(variable, arguments.defaults.get(variable))))
        elif isinstance(value, ListValueNode):
            pending.extend((name, item) for item in value.values)
        elif isinstance(value, ObjectValueNode):
            pending.extend((field.name.value, field.value) for field in value.fields)
        elif isinstance(value, list):
            pending.extend((name, item) for item in value)
        elif isinstance(value, dict):
            pending.extend((str(key), item) for key, item in value.items())
        else:
            text = value.value if isinstance(value, StringValueNode) else value
            limit = max_length(name)
            if isinstance(text, str) and limit is not None and len(text) > limit:
                return _too_long(name, len(text), limit)
    return None


def _too_long(name: str, length: int, limit: int) -> UserError:
    error = UserError(
        "too_long", f"`{name}` is {length:,} characters long; it accepts at most {limit:,}"
    )
    error.extensions = {**(error.extensions or {}), "field": name}
    return error

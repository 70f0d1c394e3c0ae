"""What an operation costs, estimated before any resolver runs: how many objects its response
can hold, each connection at its page size (``first``/``last``, 20 by default) and each plain
list at its size hint, multiplied down nested lists.

``grids(first: 50) { nodes { children(first: 10) { nodes { name } } } }`` holds 1 connection,
50 grids, 50 connections and 500 children: 601. Scalars are free; introspection is not counted
(its size is the schema's, and production opens it only to admins).

The document is compiled once per query text (``plan_for``); a request only evaluates the plan
with its variables, so a ``first: $n`` costs what ``$n`` says. Each fragment is compiled once and
shared wherever it is spread, and evaluated once per page size (an estimate is proportional to
its multiplier), so both steps stay linear in the document however often its fragments are
spread; ``schema/complexity.py`` has already refused a document too big once expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    get_named_type,
    is_composite_type,
    value_from_ast_untyped,
)

from schema.pagination import page_size

# Plain lists (not connections) whose size is known to be small; any other list counts as a page.
LIST_SIZE_HINTS: dict[tuple[str, str], int] = {
    ("Grid", "ancestors"): 6,  # the tree is at most six levels deep
}
DEFAULT_LIST_SIZE = 20
PAGING_ARGUMENTS = ("first", "last")
SIZE_ARGUMENT = "ids"  # a list field taking ``ids`` returns one object per id

Kind = Literal["object", "connection", "list", "fragment"]


@dataclass(frozen=True)
class FieldCost:
    """One composite field of the operation, with the arguments that size it; or a fragment
    spread (``kind="fragment"``), whose children are the fragment's plan, shared by its spreads."""

    kind: Kind
    arguments: dict[str, ValueNode]
    hint: int
    children: tuple[FieldCost, ...]


@dataclass(frozen=True)
class OperationCost:
    """The compiled operation: its composite fields and its variables' defaults."""

    fields: tuple[FieldCost, ...]
    defaults: dict[str, Any] = field(default_factory=dict)

    def estimate(self, variables: dict[str, Any] | None) -> int:
        """Objects the response can hold; raises ``UserError`` for a page above 100."""
        values = {**self.defaults, **(variables or {})}
        return _Estimate(values).of(self.fields, 1, None)


class _Key:
    """Caches plans by query text and operation name (the document rides along, unhashed)."""

    __slots__ = ("document", "operation", "query", "schema")

    def __init__(
        self, schema: GraphQLSchema, query: str, operation: str | None, document: DocumentNode
    ) -> None:
        self.schema, self.query, self.operation, self.document = schema, query, operation, document

    def __hash__(self) -> int:
        return hash((id(self.schema), self.query, self.operation))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Key)
            and other.schema is self.schema
            and other.query == self.query
            and other.operation == self.operation
        )


def plan_for(
    schema: GraphQLSchema, query: str, operation: str | None, document: DocumentNode
) -> OperationCost:
    """The compiled cost of a validated document's operation, built once per query text."""
    return _compile(_Key(schema, query, operation, document))


@lru_cache(maxsize=256)
def _compile(key: _Key) -> OperationCost:
    fragments: dict[str, FragmentDefinitionNode] = {}
    chosen: OperationDefinitionNode | None = None
    for definition in key.document.definitions:
        if isinstance(definition, FragmentDefinitionNode):
            fragments[definition.name.value] = definition
        elif isinstance(definition, OperationDefinitionNode) and (
            key.operation is None
            or (definition.name is not None and definition.name.value == key.operation)
        ):
            chosen = chosen or definition
    if chosen is None:
        return OperationCost(fields=())
    root = key.schema.get_root_type(chosen.operation)
    defaults = {
        var.variable.name.value: value_from_ast_untyped(var.default_value)
        for var in chosen.variable_definitions or ()
        if var.default_value is not None
    }
    compiler = _Compiler(key.schema, fragments)
    fields = compiler.fields(root, chosen.selection_set) if root else ()
    return OperationCost(fields=fields, defaults=defaults)


class _Compiler:
    """Compiles selections; each fragment once, its plan shared by every spread of it."""

    def __init__(self, schema: GraphQLSchema, fragments: dict[str, FragmentDefinitionNode]) -> None:
        self.schema, self.fragments = schema, fragments
        self.compiled: dict[str, tuple[FieldCost, ...]] = {}

    def fields(self, parent: Any, selection_set: SelectionSetNode | None) -> tuple[FieldCost, ...]:
        if selection_set is None:
            return ()
        out: list[FieldCost] = []
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                cost = self.field(parent, selection)
                if cost is not None:
                    out.append(cost)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                out += self.fields(inner, selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                out.append(self.fragment(selection.name.value))
        return tuple(out)

    def fragment(self, name: str) -> FieldCost:
        if name not in self.compiled:
            fragment = self.fragments.get(name)
            self.compiled[name] = ()  # a cycle (refused before this) would count nothing
            if fragment is not None:
                inner = self.schema.get_type(fragment.type_condition.name.value)
                self.compiled[name] = self.fields(inner, fragment.selection_set)
        return FieldCost(kind="fragment", arguments={}, hint=0, children=self.compiled[name])

    def field(self, parent: Any, node: FieldNode) -> FieldCost | None:
        name = node.name.value
        if name.startswith("__") or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return None
        definition = parent.fields.get(name)
        if definition is None:
            return None
        named = get_named_type(definition.type)
        if not is_composite_type(named):
            return None
        arguments = {arg.name.value: arg.value for arg in node.arguments or ()}
        children = self.fields(named, node.selection_set)
        output = (
            definition.type.of_type
            if isinstance(definition.type, GraphQLNonNull)
            else definition.type
        )
        kind: Kind = "object"
        if any(arg in definition.args for arg in PAGING_ARGUMENTS):
            kind = "connection"
        elif isinstance(output, GraphQLList):
            kind = "list"
        hint = LIST_SIZE_HINTS.get((parent.name, name), DEFAULT_LIST_SIZE)
        return FieldCost(kind=kind, arguments=arguments, hint=hint, children=children)


class _Estimate:
    """Evaluates a plan with one request's variables.

    An estimate is proportional to its multiplier, so each shared tuple of fields (a fragment's
    plan) is evaluated once per page size, at multiplier 1, and scaled."""

    def __init__(self, variables: dict[str, Any]) -> None:
        self.variables = variables
        self.memo: dict[tuple[int, int | None], int] = {}

    def of(self, fields: tuple[FieldCost, ...], multiplier: int, page: int | None) -> int:
        key = (id(fields), page)  # the plan, alive for the whole estimate, keeps ids unique
        if key not in self.memo:
            self.memo[key] = sum(self._one(cost, page) for cost in fields)
        return multiplier * self.memo[key]

    def _one(self, cost: FieldCost, page: int | None) -> int:
        """The estimate of one field at multiplier 1."""
        if cost.kind == "fragment":
            return self.of(cost.children, 1, page)
        if cost.kind == "connection":
            first = _int(cost.arguments.get("first"), self.variables)
            last = _int(cost.arguments.get("last"), self.variables)
            size, _ = page_size(first, last)
            return 1 + self.of(cost.children, 1, size)
        if cost.kind == "list":
            items = page if page is not None else _list_size(cost, self.variables)
            return items + self.of(cost.children, items, None)
        return 1 + self.of(cost.children, 1, None)


def _int(node: ValueNode | None, variables: dict[str, Any]) -> int | None:
    if node is None:
        return None
    value = value_from_ast_untyped(node, variables)
    # A value of the wrong type fails coercion later, in GraphQL's own words.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _list_size(cost: FieldCost, variables: dict[str, Any]) -> int:
    node = cost.arguments.get(SIZE_ARGUMENT)
    if node is None:
        return cost.hint
    value = value_from_ast_untyped(node, variables)
    return len(value) if isinstance(value, list) else 1

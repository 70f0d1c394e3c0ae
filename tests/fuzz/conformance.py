"""Checking a response's ``data`` against the schema and the operation that asked for it.

Every selection set of the operation gets a ``__typename`` before it is sent, so an abstract
type's object names its concrete type; then each value is checked against its field's type:
null only where nullable, lists are lists, scalars and enums of their kind, no missing and no
extra keys.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    NameNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Visitor,
    is_abstract_type,
    visit,
)

TYPENAME = "__typename"
INT_RANGE = range(-(2**31), 2**31)


class _AddTypename(Visitor):
    def enter_selection_set(self, node: SelectionSetNode, *_: Any) -> SelectionSetNode | None:
        if any(
            isinstance(s, FieldNode) and s.alias is None and s.name.value == TYPENAME
            for s in node.selections
        ):
            return None
        return SelectionSetNode(
            selections=(*node.selections, FieldNode(name=NameNode(value=TYPENAME)))
        )


def with_typenames(document: DocumentNode) -> DocumentNode:
    result: DocumentNode = visit(document, _AddTypename())
    return result


class Checker:
    def __init__(self, schema: GraphQLSchema, document: DocumentNode) -> None:
        self.schema = schema
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.operation = next(
            d for d in document.definitions if isinstance(d, OperationDefinitionNode)
        )
        self.problems: list[str] = []

    def check(self, data: dict[str, Any]) -> list[str]:
        root = self.schema.get_root_type(self.operation.operation)
        assert root is not None
        self._object(root, [self.operation.selection_set], data, "data")
        return self.problems

    def _applies(self, condition: str | None, obj: GraphQLObjectType) -> bool:
        if condition is None or condition == obj.name:
            return True
        named = self.schema.get_type(condition)
        return named is not None and is_abstract_type(named) and self.schema.is_sub_type(named, obj)  # type: ignore[arg-type]

    def _collect(
        self, obj: GraphQLObjectType, sets: list[SelectionSetNode], out: dict[str, list[FieldNode]]
    ) -> None:
        for selection_set in sets:
            for s in selection_set.selections:
                if isinstance(s, FieldNode):
                    out.setdefault((s.alias or s.name).value, []).append(s)
                elif isinstance(s, InlineFragmentNode):
                    condition = s.type_condition.name.value if s.type_condition else None
                    if self._applies(condition, obj):
                        self._collect(obj, [s.selection_set], out)
                elif isinstance(s, FragmentSpreadNode):
                    fragment = self.fragments[s.name.value]
                    if self._applies(fragment.type_condition.name.value, obj):
                        self._collect(obj, [fragment.selection_set], out)

    def _object(
        self, obj: GraphQLObjectType, sets: list[SelectionSetNode], value: Any, path: str
    ) -> None:
        if not isinstance(value, dict):
            self.problems.append(f"{path}: expected an object, got {value!r}")
            return
        fields: dict[str, list[FieldNode]] = {}
        self._collect(obj, sets, fields)
        for extra in set(value) - set(fields):
            self.problems.append(f"{path}.{extra}: not asked for")
        for key, nodes in fields.items():
            where = f"{path}.{key}"
            if key not in value:
                self.problems.append(f"{where}: missing")
                continue
            name = nodes[0].name.value
            if name == TYPENAME:
                if value[key] != obj.name:
                    self.problems.append(f"{where}: {value[key]!r} is not {obj.name}")
                continue
            definition = obj.fields.get(name)
            if definition is None:
                self.problems.append(f"{where}: {obj.name} has no field {name}")
                continue
            subsets = [n.selection_set for n in nodes if n.selection_set is not None]
            self._value(definition.type, subsets, value[key], where)

    def _value(self, type_: Any, sets: list[SelectionSetNode], value: Any, path: str) -> None:
        if isinstance(type_, GraphQLNonNull):
            if value is None:
                self.problems.append(f"{path}: null in a non-null field")
                return
            type_ = type_.of_type
        if value is None:
            return
        if isinstance(type_, GraphQLList):
            if not isinstance(value, list):
                self.problems.append(f"{path}: expected a list, got {value!r}")
                return
            for i, item in enumerate(value):
                self._value(type_.of_type, sets, item, f"{path}.{i}")
        elif isinstance(type_, GraphQLScalarType):
            if not _scalar_ok(type_.name, value):
                self.problems.append(f"{path}: {value!r} is not a {type_.name}")
        elif isinstance(type_, GraphQLEnumType):
            if value not in type_.values:
                self.problems.append(f"{path}: {value!r} is not a {type_.name}")
        elif isinstance(type_, GraphQLObjectType):
            self._object(type_, sets, value, path)
        elif is_abstract_type(type_):
            typename = value.get(TYPENAME) if isinstance(value, dict) else None
            concrete = self.schema.get_type(typename) if isinstance(typename, str) else None
            if not isinstance(concrete, GraphQLObjectType) or not self.schema.is_sub_type(
                type_, concrete
            ):
                self.problems.append(f"{path}: {typename!r} is not a {type_.name}")
                return
            self._object(concrete, sets, value, path)


def _scalar_ok(name: str, value: Any) -> bool:
    if name == "Int":
        return isinstance(value, int) and not isinstance(value, bool) and value in INT_RANGE
    if name == "Float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "Boolean":
        return isinstance(value, bool)
    if name in ("String", "ID", "DateTime", "Date", "Time"):
        return isinstance(value, str)
    return True  # JSON and other custom scalars: any JSON value

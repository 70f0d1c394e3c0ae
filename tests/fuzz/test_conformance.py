"""The fuzzer's data check finds what is wrong with a response."""

from __future__ import annotations

from graphql import parse, print_ast

from schema.schema import schema
from tests.fuzz.conformance import Checker, with_typenames

QUERY = '{ grids(first: 1) { totalCount nodes { name level } } node(id: "x") { id } }'


def check(data: dict[str, object]) -> list[str]:
    return Checker(schema._schema, with_typenames(parse(QUERY))).check(data)


def grid(**fields: object) -> dict[str, object]:
    return {"__typename": "Grid", "name": "第一网格", "level": "GRID", **fields}


def good() -> dict[str, object]:
    return {
        "__typename": "Query",
        "grids": {"__typename": "GridConnection", "totalCount": 1, "nodes": [grid()]},
        "node": {"__typename": "Grid", "id": "R3JpZDox"},
    }


def test_typenames_are_added_to_every_selection() -> None:
    printed = print_ast(with_typenames(parse("{ grids { nodes { name } } }")))
    assert printed.count("__typename") == 3


def test_a_well_formed_response_has_no_problems() -> None:
    assert check(good()) == []


def test_nulls_missing_keys_wrong_enums_and_abstract_types_are_named() -> None:
    data = good()
    data["grids"] = {
        "__typename": "GridConnection",
        "totalCount": None,
        "nodes": [grid(level="PLANET"), {"__typename": "Grid", "level": "GRID", "extra": 1}],
    }
    data["node"] = {"__typename": "PageInfo", "id": "x"}
    assert sorted(check(data)) == [
        "data.grids.nodes.0.level: 'PLANET' is not a GridLevel",
        "data.grids.nodes.1.extra: not asked for",
        "data.grids.nodes.1.name: missing",
        "data.grids.totalCount: null in a non-null field",
        "data.node: 'PageInfo' is not a Node",
    ]

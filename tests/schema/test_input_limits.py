"""Out-of-range input answers a typed error, never an unexpected one: ids, strings, patterns."""

from __future__ import annotations

import base64

import pytest
from graphql import parse

from models.enums import GridLevel
from models.grid import GridNode
from permissions.enums import Role
from schema.input_limits import MAX_LONG_TEXT, MAX_STRING, too_long_error
from schema.relay import MAX_PK, to_global_id
from tests.support.factories import create_grid_node, small_tree, user_with_role
from tests.support.graphql import GraphQLClient

NODE = "query($id: ID!) { node(id: $id) { id ... on Grid { name } } }"
GRIDS = "query($q: String) { grids(nameContains: $q) { nodes { name } } }"
CREATE = """mutation($input: CreateGridInput!) { createGrid(input: $input) {
  __typename ... on ValidationFailed { fieldErrors { field code } } } }"""


def raw_id(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


NOT_CANONICAL = {
    "fullwidth_digit": raw_id("Grid:１"),
    "space": raw_id("Grid: 1"),
    "leading_zero": raw_id("Grid:01"),
    "plus_sign": raw_id("Grid:+1"),
    "minus_sign": raw_id("Grid:-1"),
    "underscore_digits": raw_id("Grid:1_0"),
    "past_an_id_column": raw_id(f"Grid:{2**31}"),
    "two_to_the_63": raw_id(f"Grid:{2**63}"),
    "two_to_the_64": raw_id(f"Grid:{2**64}"),
    "five_hundred_digits": raw_id("Grid:" + "9" * 500),
    "no_padding": raw_id("Grid:10").rstrip("="),
    "not_base64": "Grid:1",
}


@pytest.mark.parametrize("value", NOT_CANONICAL.values(), ids=NOT_CANONICAL.keys())
async def test_an_id_not_in_its_canonical_form_is_malformed(gql: GraphQLClient, value: str) -> None:
    # given a grid with id 1, when node(id:) is asked with another spelling of an id
    await small_tree()
    body = await gql(NODE, {"id": value})
    # then it is refused as malformed, not masked and not found under another spelling
    assert body["data"] == {"node": None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["validation_failed"]
    errors = body["errors"][0]["extensions"]["fieldErrors"]
    assert [(e["field"], e["code"]) for e in errors] == [("id", "malformed_id")]


async def test_the_canonical_id_and_the_largest_key_are_accepted(gql: GraphQLClient) -> None:
    tree = await small_tree()
    street = tree["street"]
    assert await gql.data(NODE, {"id": to_global_id("Grid", street.id)}) == {
        "node": {"id": to_global_id("Grid", street.id), "name": "云阳街道"}
    }
    assert await gql.data(NODE, {"id": to_global_id("Grid", MAX_PK)}) == {"node": None}


async def test_a_parent_id_past_64_bits_is_a_field_error_of_the_mutation(
    gql: GraphQLClient,
) -> None:
    _, token = await user_with_role(Role.ADMIN)
    before = await GridNode.all().count()
    body = await gql.as_(token).data(
        CREATE, {"input": {"name": "x", "level": "GRID", "parentId": raw_id(f"Grid:{2**63}")}}
    )
    assert body["createGrid"] == {
        "__typename": "ValidationFailed",
        "fieldErrors": [{"field": "parentId", "code": "malformed_id"}],
    }
    assert await GridNode.all().count() == before


async def test_a_cursor_past_64_bits_or_not_canonical_is_a_bad_cursor(gql: GraphQLClient) -> None:
    await small_tree()
    for text in (f"cursor:{2**31}", f"cursor:{2**63}", "cursor:01", "cursor: 1", "cursor:１"):
        body = await gql(
            "query($a: String) { grids(after: $a) { totalCount } }", {"a": raw_id(text)}
        )
        assert body["data"] is None, text
        assert [e["extensions"]["code"] for e in body["errors"]] == ["bad_cursor"], text


async def test_a_sixty_kilobyte_search_is_too_long_before_the_database(
    gql: GraphQLClient,
) -> None:
    await small_tree()
    body = await gql(GRIDS, {"q": "网" * 60_000})
    assert body["data"] is None
    assert body["errors"] == [
        {
            "message": "`nameContains` is 60,000 characters long; it accepts at most 1,000",
            "extensions": {"code": "too_long", "field": "nameContains"},
        }
    ]


async def test_a_search_of_exactly_the_limit_runs(gql: GraphQLClient) -> None:
    await small_tree()
    assert await gql.data(GRIDS, {"q": "网" * MAX_STRING}) == {"grids": {"nodes": []}}
    body = await gql(GRIDS, {"q": "网" * (MAX_STRING + 1)})
    assert body["errors"][0]["extensions"]["code"] == "too_long"


async def test_a_literal_string_too_long_is_refused_too(gql: GraphQLClient) -> None:
    body = await gql('{ grids(nameContains: "%s") { totalCount } }' % ("x" * 1001))
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "too_long", "field": "nameContains"}


async def test_an_input_field_too_long_is_refused_before_the_mutation_writes(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.ADMIN)
    before = await GridNode.all().count()
    long_name = {
        "name": "格" * 1001,
        "level": "GRID",
        "parentId": to_global_id("Grid", tree["north"].id),
    }
    body = await gql.as_(token)(CREATE, {"input": long_name})
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "too_long", "field": "name"}
    assert await GridNode.all().count() == before


def test_free_text_takes_its_longer_limit_wherever_it_is_written() -> None:
    # given a comment's text passed as a variable
    document = parse(
        'mutation($t: String!) { commentOnCase(input: {caseId: "x", text: $t}) { __typename } }'
    )
    # then 10,000 characters pass and one more is refused, naming the input field
    assert too_long_error(document, {"t": "字" * MAX_LONG_TEXT}) is None
    error = too_long_error(document, {"t": "字" * (MAX_LONG_TEXT + 1)})
    assert error is not None
    assert error.extensions == {"code": "too_long", "field": "text"}
    # and strings nested in a variable's input objects and lists, and defaults, are read too
    nested = parse("mutation($i: PostNeedInput!) { postNeed(input: $i) { __typename } }")
    error = too_long_error(nested, {"i": {"title": "t", "tags": [{"label": "x" * 1001}]}})
    assert error is not None
    assert error.extensions == {"code": "too_long", "field": "label"}
    defaulted = parse(
        'query($q: String = "%s") { grids(nameContains: $q) { totalCount } }' % ("x" * 1001)
    )
    error = too_long_error(defaulted, {})
    assert error is not None
    assert error.extensions == {"code": "too_long", "field": "nameContains"}


async def test_a_percent_or_underscore_search_matches_only_itself(gql: GraphQLClient) -> None:
    # given grids whose names differ only where a LIKE wildcard would match anything
    tree = await small_tree()
    for name in ("达标100%", "达标1000", "A_1", "AB1", "C\\1"):
        await create_grid_node(name=name, level=GridLevel.GRID, parent=tree["north"])
    # when searching for the wildcard characters themselves, then only the literal ones match
    assert await gql.data(GRIDS, {"q": "0%"}) == {"grids": {"nodes": [{"name": "达标100%"}]}}
    assert await gql.data(GRIDS, {"q": "A_"}) == {"grids": {"nodes": [{"name": "A_1"}]}}
    assert await gql.data(GRIDS, {"q": "%"}) == {"grids": {"nodes": [{"name": "达标100%"}]}}
    assert await gql.data(GRIDS, {"q": "\\"}) == {"grids": {"nodes": [{"name": "C\\1"}]}}

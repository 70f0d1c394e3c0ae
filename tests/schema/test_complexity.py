"""A document's expanded size is counted before validation: fragment bombs are refused at once."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from graphql import parse

from api.graphiql import EXAMPLE_DOCUMENT
from schema.complexity import MAX_FRAGMENT_SPREADS, MAX_SELECTIONS, complexity_error
from schema.cost import plan_for
from schema.schema import schema

SECONDS = 3.0  # a linear check answers in milliseconds; an exponential one never does


def bomb(levels: int) -> str:
    """Each fragment spreads the next one twice: 2**levels fields once expanded."""
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))
    return f"query {{ ...F0 }} {chain} fragment F{levels} on Query {{ apiVersion }}"


def execute_within(query: str, seconds: float = SECONDS) -> tuple[Any, float]:
    """Runs the query in a thread; fails the test if it has not answered in ``seconds``."""
    outcome: list[Any] = []

    def run() -> None:
        outcome.append(asyncio.run(schema.execute(query)))

    start = time.perf_counter()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    elapsed = time.perf_counter() - start
    assert outcome, f"no answer within {seconds} s: validation is exponential again"
    return outcome[0], elapsed


WIDE = {
    "thirty_levels": bomb(30),
    "sixty_levels": bomb(60),
    "many_spreads_of_one_fragment": "query { "
    + "...F " * 150
    + "} fragment F on Query { apiVersion apiVersion apiVersion }",
    "deep_inline_fragments": "query { "
    + ("... on Query { " + "apiVersion " * 9) * 60
    + " }" * 60
    + " }",
    "many_repeated_fields": "{ " + "apiVersion " * 1500 + "}",
    "an_unused_bomb": bomb(30).replace("query { ...F0 }", "query { apiVersion }"),
    "a_fragment_cycle": "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
    "a_fragment_spreading_itself": "query { ...A } fragment A on Query { apiVersion ...A }",
}


@pytest.mark.parametrize("query", WIDE.values(), ids=WIDE.keys())
def test_a_document_too_big_once_expanded_is_refused_before_validation(query: str) -> None:
    # given a document whose fragments expand beyond the limit, when it is executed
    result, elapsed = execute_within(query)
    # then it is refused with one coded error, quickly
    assert result.data is None
    assert [e.extensions for e in result.errors] == [{"code": "query_too_complex"}]
    assert elapsed < 1.0


def test_a_bomb_behind_a_harmless_fragment_of_the_same_name_is_refused() -> None:
    # given a first, harmless F0, and the bomb's F0 after it (validation expands the last one)
    query = bomb(40).replace(
        "query { ...F0 }", "query { ...F0 } fragment F0 on Query { apiVersion }"
    )
    # when executed, then it is refused at once, in GraphQL's own words
    result, elapsed = execute_within(query)
    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors] == [
        ("There can be only one fragment named 'F0'.", {"code": "invalid_query"})
    ]
    assert elapsed < 1.0


def test_the_count_of_a_bomb_is_exact_and_linear() -> None:
    error = complexity_error(parse(bomb(30)))
    assert error is not None
    assert error.message == (
        "The document selects 1,073,741,824 fields once its fragments are expanded, more than "
        f"{MAX_SELECTIONS:,}: write a smaller document"
    )


def test_spreads_beyond_the_limit_are_refused_whatever_they_expand_to() -> None:
    spreads = "...F " * (MAX_FRAGMENT_SPREADS + 1)
    error = complexity_error(parse(f"query {{ {spreads} }} fragment F on Query {{ apiVersion }}"))
    assert error is not None
    assert error.message == (
        f"The document spreads fragments {MAX_FRAGMENT_SPREADS + 1} times, more than "
        f"{MAX_FRAGMENT_SPREADS}: write a smaller document"
    )


def test_a_cycle_is_named() -> None:
    error = complexity_error(parse(WIDE["a_fragment_cycle"]))
    assert error is not None
    assert error.message == "Fragment 'A' spreads itself: it has no end: write a smaller document"


def test_exactly_the_limit_passes_and_one_more_field_is_refused() -> None:
    # a field counts once per expansion, nested ones and those in inline fragments too
    fields = "me { username } ... on Query { apiVersion apiVersion apiVersion }"  # 5
    spreads = "...F " * (MAX_SELECTIONS // 5)
    at_limit = f"query {{ {spreads} }} fragment F on Query {{ {fields} }}"
    assert complexity_error(parse(at_limit)) is None
    one_more = at_limit.replace("query { ", "query { apiVersion ")
    error = complexity_error(parse(one_more))
    assert error is not None
    assert error.message.startswith(f"The document selects {MAX_SELECTIONS + 1:,} fields")


def test_normal_documents_pass() -> None:
    documents = [
        EXAMPLE_DOCUMENT,
        '{ grids(level: GRID, nameContains: "网格") { totalCount nodes { name ancestors { name } } } }',
        "{ cases(state: HANDLING, overdue: true) { totalCount nodes { title place { name }"
        " deadline { handleDueAt warnings } timeline { nodes { action role createdAt } } } } }",
        bomb(8),  # 256 fields: fragments shared a few times are fine
    ]
    for document in documents:
        assert complexity_error(parse(document)) is None


def test_a_fragment_bomb_within_the_limit_still_executes() -> None:
    result, _ = execute_within(bomb(8))
    assert result.errors is None
    assert result.data == {"apiVersion": "1"}


def estimate(query: str, variables: dict[str, Any] | None = None) -> int:
    plan = plan_for(schema._schema, query, None, parse(query))
    return plan.estimate(variables)


def test_the_estimate_counts_each_spread_of_a_fragment() -> None:
    # given the same nested selection written inline, and as a fragment spread twice, on a
    # fragment of the connection type (its `nodes` list takes the connection's page)
    inline = "{ grids(first: 50) { nodes { children(first: 10) { nodes { name } } } } }"
    spread = (
        "query { a: grids(first: 50) { ...Page } b: grids(first: 5) { ...Page } }"
        " fragment Page on GridConnection { nodes { ...Kids } }"
        " fragment Kids on Grid { children(first: 10) { nodes { name } } }"
    )
    # then the fragment is counted where it is spread, at that spread's page size
    assert estimate(inline) == 1 + 50 + 50 + 500
    assert estimate(spread) == (1 + 50 + 50 + 500) + (1 + 5 + 5 + 50)


def test_the_estimate_of_a_deep_bomb_is_computed_in_linear_time() -> None:
    # given 60 levels of fragments each spreading the next twice around a connection
    # (refused before this by the complexity check; the estimate must not explode regardless)
    levels = 60
    chain = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels))
    query = f"query {{ ...F0 }} {chain} fragment F{levels} on Query {{ grids(first: 2) {{ id }} }}"
    start = time.perf_counter()
    # then it is 2**60 connections, exactly, in milliseconds
    assert estimate(query) == 2**levels
    assert time.perf_counter() - start < 0.5

"""Query guard rails, all applied before any resolver runs: depth, aliases, tokens, the expanded
size of the document (before validation), the length of every string passed, page sizes, an
estimated object count per operation, introspection (closed to non-admins in production), and
the rate limit's points.

Extensions are built fresh per request (they hold that request's state), but the costly parts —
validation rule classes, the parse and validation caches, the compiled cost plans — are built
once per process, so the validation cache keeps hitting (its key includes the rule classes).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from graphql import ASTValidationRule, GraphQLError, NoSchemaIntrospectionCustomRule
from graphql.validation.rules import overlapping_fields_can_be_merged
from strawberry.extensions import (
    MaxAliasesLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types.graphql import OperationType

from schema.complexity import complexity_error
from schema.cost import plan_for
from schema.errors import UserError
from schema.input_limits import too_long_error

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
MAX_NODES = 10_000
NODES_PER_POINT = 100  # a query costs 1 point, plus 1 per 100 objects it can return
MUTATION_POINTS = 10  # a write costs this much more than a read of the same size
CACHE_SIZE = 256
# graphql-core meters its comparisons of same-named fields (OverlappingFieldsCanBeMerged), which
# grow with the square of their number: 250 copies of one field took 0.4 s at its default budget
# of 500,000 units, the event loop blocked meanwhile. At 20,000 such a document is stopped
# ("Validation aborted.", answered as query_too_complex) in about 30 ms; real documents, whose
# same-named fields are few, stay far below it.
VALIDATION_BUDGET = 20_000
overlapping_fields_can_be_merged.MAX_COMPLEXITY_BUDGET = VALIDATION_BUDGET

GUARD_RULES: tuple[type[ASTValidationRule], ...] = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)
GUARD_RULES_WITHOUT_INTROSPECTION = (*GUARD_RULES, NoSchemaIntrospectionCustomRule)


def points_for(nodes: int, *, mutation: bool) -> int:
    """The rate limit's price of an operation estimated at ``nodes`` objects."""
    return 1 + nodes // NODES_PER_POINT + (MUTATION_POINTS if mutation else 0)


class BoundedValidationCache(ValidationCache):
    """Validation (cached) that a document too big once its fragments are expanded never reaches.

    Strawberry parses, then runs each extension's ``on_validate`` in order, then its own
    validation only if none set ``pre_execution_errors``; ``ValidationCache`` validates in its
    ``on_validate`` whatever came before. So the count sits here, in front of it: a refused
    document gets its one error and no validation rule ever sees it."""

    def on_validate(self) -> Iterator[None]:
        ctx = self.execution_context
        error = complexity_error(ctx.graphql_document) if ctx.graphql_document else None
        if error is None:
            yield from super().on_validate()
            return
        ctx.pre_execution_errors = [error]
        yield


class GuardRails(SchemaExtension):
    """The limits of one operation, as one extension (each extension costs every request).

    Before parsing: the token limit, and the rule classes (built once per process; without
    introspection unless the request's guard allows it). After validation: estimates the
    operation's objects, refuses pages above 100 and operations above ``MAX_NODES``, and
    spends the caller's rate-limit points. The estimate is returned as ``extensions.cost``."""

    def __init__(self) -> None:
        self.nodes: int | None = None
        self.points = 0

    def on_operation(self) -> Iterator[None]:
        ctx = self.execution_context
        ctx.parse_options["max_tokens"] = MAX_TOKENS
        guard = getattr(ctx.context, "guard", None)
        open_schema = guard is None or guard.introspection
        rules = GUARD_RULES if open_schema else GUARD_RULES_WITHOUT_INTROSPECTION
        ctx.validation_rules = ctx.validation_rules + rules
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        ctx = self.execution_context
        errors = ctx.pre_execution_errors
        if not errors and ctx.graphql_document is not None and ctx.query is not None:
            too_long = too_long_error(ctx.graphql_document, ctx.variables)
            errors = [too_long] if too_long else self._estimate()
        mutation = not errors and ctx.operation_type is OperationType.MUTATION
        self.points = points_for(self.nodes or 0, mutation=mutation)
        guard = getattr(ctx.context, "guard", None)
        retry_after = await guard.spend(self.points) if guard is not None else None
        if retry_after is not None:
            errors = [rate_limited(retry_after)]
        if errors is not ctx.pre_execution_errors:
            ctx.pre_execution_errors = errors  # a new list: the cached one is shared
        yield

    def _estimate(self) -> list[GraphQLError]:
        ctx = self.execution_context
        assert ctx.graphql_document is not None and ctx.query is not None
        plan = plan_for(ctx.schema._schema, ctx.query, ctx.operation_name, ctx.graphql_document)
        try:
            self.nodes = plan.estimate(ctx.variables)
        except UserError as error:
            return [error]
        if self.nodes > MAX_NODES:
            return [
                UserError(
                    "query_too_costly",
                    f"The operation could return about {self.nodes:,} objects, more than "
                    f"{MAX_NODES:,}: ask for smaller pages or fewer nested lists",
                )
            ]
        return []

    def get_results(self) -> dict[str, Any]:
        if self.nodes is None:
            return {}
        return {"cost": {"nodes": self.nodes, "maxNodes": MAX_NODES, "points": self.points}}


def rate_limited(retry_after: float) -> GraphQLError:
    seconds = max(1, int(retry_after + 0.999))
    error = UserError("rate_limited", f"Too many requests: retry in {seconds} s")
    error.extensions = {**(error.extensions or {}), "retryAfter": seconds}
    return error


# GraphQL's limit errors carry no code of their own: they are recognised by their message.
LIMIT_CODES = (
    (re.compile(r"exceeds maximum operation depth"), "query_too_deep"),
    (re.compile(r"aliases found\. Allowed"), "too_many_aliases"),
    (re.compile(r"Document contains more than \d+ tokens"), "too_many_tokens"),
    (re.compile(r"^Validation aborted\.$"), "query_too_complex"),
)
# The codes of errors about the request itself (the document, its variables, a limit), raised
# before any resolver runs: over GraphQL over HTTP's graphql-response+json they answer HTTP 400.
REQUEST_ERROR_CODES = frozenset(
    {"invalid_query", "query_too_costly", "query_too_complex", "too_long"}
    | {"page_too_large", "bad_page"}
    | {code for _, code in LIMIT_CODES}
)


def code_of_query_error(error: GraphQLError) -> str:
    """The code of an error GraphQL raised about the request itself."""
    for pattern, code in LIMIT_CODES:
        if pattern.search(error.message):
            return code
    return "invalid_query"


def guard_rail_extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories of the caches and limits, in the order they must run."""
    # GuardRails after the validation: its on_validate reads the cached validation's errors.
    return [
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: BoundedValidationCache(maxsize=CACHE_SIZE),
        GuardRails,
    ]

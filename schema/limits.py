"""Query guard rails. Extensions are built fresh per request (they hold that request's state),
but the costly parts — validation rule classes and the parse/validation caches — are built once
per process, so the validation cache keeps hitting (its key includes the rule classes)."""

from __future__ import annotations

from collections.abc import Callable

from graphql import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000
CACHE_SIZE = 256

GUARD_RULES: tuple[type[ASTValidationRule], ...] = (
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


def guard_rail_extensions() -> list[Callable[[], SchemaExtension]]:
    """Factories of the caches and limits, in the order they must run."""
    return [
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHE_SIZE),
        lambda: AddValidationRules(list(GUARD_RULES)),
        lambda: ValidationCache(maxsize=CACHE_SIZE),
    ]

"""Error masking: our typed errors pass with their ``code``; GraphQL's errors about the request
get one (``invalid_query`` or the limit's); anything else becomes opaque, carrying the request
id under which the original error is logged.

``finish_errors`` runs twice: in the extension (around the operation), and in the HTTP view on
the final result — an exception raised inside another extension's hook skips the first."""

from __future__ import annotations

import logging

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from domain.errors import DomainError, ValidationFailedError
from schema.errors import should_mask_error
from schema.limits import code_of_query_error

MASKED_MESSAGE = "Unexpected error."
MASKED_CODE = "internal_error"

logger = logging.getLogger("minqing.errors")


def finish_errors(errors: list[GraphQLError], request_id: str | None) -> list[GraphQLError]:
    """Every error masked or shown, and every one with its machine ``code``."""
    finished = []
    for error in errors:
        if should_mask_error(error):
            error = masked(error, request_id)
        _add_code(error)
        finished.append(error)
    return finished


def masked(error: GraphQLError, request_id: str | None) -> GraphQLError:
    original = error.original_error
    logger.error(
        "request %s: unexpected error at %s: %s",
        request_id,
        ".".join(str(p) for p in error.path or ()) or "-",
        error.message,
        exc_info=(type(original), original, original.__traceback__) if original else None,
    )
    return GraphQLError(
        message=MASKED_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions={"code": MASKED_CODE, "requestId": request_id},
    )


class MaskUnexpectedErrors(MaskErrors):
    """Masks bugs (logging each with the request id), and gives every error its ``code``."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask_error, error_message=MASKED_MESSAGE)

    def _process_result(self, result: object) -> None:
        # The base class asks a runtime-checkable Protocol, which costs more than the rest.
        errors = getattr(result, "errors", None)
        if errors:
            result.errors = self._process_errors(errors)  # type: ignore[attr-defined]

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        request_id = getattr(self.execution_context.context, "request_id", "") or None
        return finish_errors(errors, request_id)


def _add_code(error: GraphQLError) -> None:
    original = error.original_error
    if isinstance(original, DomainError):
        extensions = dict(error.extensions or {})
        extensions["code"] = original.code
        if isinstance(original, ValidationFailedError):
            extensions["fieldErrors"] = [
                {"field": e.field, "message": e.message, "code": e.code}
                for e in original.field_errors
            ]
        error.extensions = extensions
    elif not (error.extensions or {}).get("code"):
        # GraphQL's own errors about the request: a limit, validation, a bad variable.
        error.extensions = {**(error.extensions or {}), "code": code_of_query_error(error)}

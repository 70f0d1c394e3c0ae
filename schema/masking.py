"""Error masking: our typed errors pass with their ``code``; GraphQL's errors about the request
get one (``invalid_query`` or the limit's); anything else becomes opaque, carrying the request
id under which the original error is logged.

``finish_errors`` runs twice: in the extension (around the operation), and in the HTTP view on
the final result — an exception raised inside another extension's hook skips the first.

What is logged: a bug with its traceback (ERROR); a client's mistake (a document that does not
parse or validate, a bad variable, a coded user error) as one INFO line without a traceback.
Either line names the request id, the operation's name, its document's hash and the codes —
never the document, its variables or GraphQL's message about them, which quote the document
(an inline password included)."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable

from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.types import ExecutionContext

from domain.errors import DomainError, ValidationFailedError
from schema.errors import should_mask_error
from schema.limits import code_of_query_error

MASKED_MESSAGE = "Unexpected error."
MASKED_CODE = "internal_error"

logger = logging.getLogger("minqing.errors")

# A plain GraphQL name, short: what an operation's name may be in a label or a log line.
OPERATION_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")


def finish_errors(errors: list[GraphQLError], request_id: str | None) -> list[GraphQLError]:
    """Every error masked or shown, and every one with its machine ``code``."""
    finished = []
    for error in errors:
        if should_mask_error(error):
            error = masked(error, request_id)
        _add_code(error)
        finished.append(error)
    return finished


def log_client_errors(
    errors: list[GraphQLError], execution_context: ExecutionContext | None
) -> None:
    """One INFO line for the errors of an operation that are the client's, not a bug (bugs are
    logged where they are masked). Replaces strawberry's ``process_errors`` logging, which
    prints each error with its document's source and the traceback."""
    codes = [code_of(e) for e in errors if not should_mask_error(e)]
    if not codes:
        return
    context = execution_context.context if execution_context is not None else None
    logger.info(
        "request %s: operation %s (document %s) refused: %s",
        getattr(context, "request_id", "") or "-",
        operation_name(execution_context),
        document_hash(execution_context),
        ", ".join(codes),
    )


def operation_name(execution_context: ExecutionContext | None) -> str:
    """The operation's name: ``anonymous`` when it has none, ``other`` when it is not a plain
    GraphQL name of at most 64 characters (a client's ``operationName`` can be any string)."""
    try:
        name = execution_context.operation_name if execution_context is not None else None
    except Exception:  # a document that names several operations and no operationName
        name = None
    if not name:
        return "anonymous"
    return name if OPERATION_NAME.fullmatch(name) else "other"


def document_hash(execution_context: ExecutionContext | None) -> str:
    """The first 12 hex digits of the document's sha256: the same document, the same hash."""
    query = execution_context.query if execution_context is not None else None
    return hashlib.sha256(query.encode()).hexdigest()[:12] if query else "-"


# Called with each unexpected error's exception before it is masked (the metrics count the
# database failures among them); ``api/`` adds its observers at start-up.
UNEXPECTED_ERROR_OBSERVERS: list[Callable[[BaseException | None], None]] = []


def masked(error: GraphQLError, request_id: str | None) -> GraphQLError:
    original = error.original_error
    for observe in UNEXPECTED_ERROR_OBSERVERS:
        observe(original)
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


def code_of(error: GraphQLError) -> str:
    """The machine code of an error that is shown to the client."""
    original = error.original_error
    if isinstance(original, DomainError):
        return original.code
    code = (error.extensions or {}).get("code")
    return code if isinstance(code, str) and code else code_of_query_error(error)


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

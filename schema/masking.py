"""Error masking: our typed errors pass with their ``code``; anything else becomes opaque,
carrying the request id under which the original error is logged."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from domain.errors import DomainError, ValidationFailedError
from schema.errors import should_mask_error

MASKED_MESSAGE = "Unexpected error."
MASKED_CODE = "internal_error"

logger = logging.getLogger("minqing.errors")


class MaskUnexpectedErrors(MaskErrors):
    """Masks bugs (logging each with the request id), and gives every unmasked domain error
    its machine ``code``."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask_error, error_message=MASKED_MESSAGE)

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or ():
            _add_code(error)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = getattr(self.execution_context.context, "request_id", "") or None
        original = error.original_error
        logger.error(
            "request %s: unexpected error at %s: %s",
            request_id,
            ".".join(str(p) for p in error.path or ()) or "-",
            error.message,
            exc_info=(type(original), original, original.__traceback__) if original else None,
        )
        masked = super().anonymise_error(error)
        masked.extensions = {"code": MASKED_CODE, "requestId": request_id}
        return masked


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

"""Error masking: our typed errors pass with their ``code``; anything else becomes opaque."""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from domain.errors import DomainError, ValidationFailedError
from schema.errors import should_mask_error

MASKED_MESSAGE = "Unexpected error."


class MaskUnexpectedErrors(MaskErrors):
    """Masks bugs, and gives every unmasked domain error its machine ``code``."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=should_mask_error, error_message=MASKED_MESSAGE)

    def on_operation(self) -> Iterator[None]:
        yield from super().on_operation()
        result = self.execution_context.result
        for error in getattr(result, "errors", None) or ():
            _add_code(error)


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

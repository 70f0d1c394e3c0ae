"""Error types: expected failures are union members with a machine ``code`` and a ``message``.

Domain exceptions are mapped here, once (``to_error``); ``UserError`` is for query fields whose
bad arguments cannot be a union member (a page too large). Anything else is a bug: masked.
"""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from tortoise.exceptions import IntegrityError

from domain.errors import (
    ConflictError,
    DomainError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)


class UserError(GraphQLError):
    """A user-facing error of a query field; shown whole, with ``extensions.code``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, extensions={"code": code})


@strawberry.interface(description="An expected failure of a mutation.")
class Error:
    code: str = strawberry.field(description="Machine-readable code, stable across releases.")
    message: str = strawberry.field(description="What went wrong, for a human.")


@strawberry.type(name="FieldError", description="One input field that was rejected.")
class FieldErrorType:  # exposed as FieldError
    field: str = strawberry.field(description="The input field, camelCase; nested with dots.")
    message: str = strawberry.field(description="Why it was rejected.")
    code: str = strawberry.field(description="Machine-readable reason.")


@strawberry.type(description="The input was rejected; `fieldErrors` names each bad field.")
class ValidationFailed(Error):
    field_errors: list[FieldErrorType] = strawberry.field(description="The rejected fields.")


@strawberry.type(description="The object does not exist, or the caller may not see it.")
class NotFound(Error):
    field: str | None = strawberry.field(description="The input field that named it, if any.")


@strawberry.type(
    description="The change clashes with the current state (a duplicate, a stale version)."
)
class Conflict(Error):
    pass


@strawberry.type(description="The caller may not do this here; nothing was changed.")
class PermissionDenied(Error):
    pass


@strawberry.type(description="The action is not allowed from the object's current state.")
class InvalidTransition(Error):
    state: str = strawberry.field(description="The current state.")
    allowed_actions: list[str] = strawberry.field(description="Actions allowed from that state.")


def to_error(exc: DomainError) -> Any:
    """The GraphQL error type for a domain exception."""
    if isinstance(exc, ValidationFailedError):
        return ValidationFailed(
            code=exc.code,
            message=exc.message,
            field_errors=[
                FieldErrorType(field=e.field, message=e.message, code=e.code)
                for e in exc.field_errors
            ],
        )
    if isinstance(exc, NotFoundError):
        return NotFound(code=exc.code, message=exc.message, field=exc.field)
    if isinstance(exc, ConflictError):
        return Conflict(code=exc.code, message=exc.message)
    if isinstance(exc, PermissionDeniedError):
        return PermissionDenied(code=exc.code, message=exc.message)
    if isinstance(exc, InvalidTransitionError):
        return InvalidTransition(
            code=exc.code, message=exc.message, state=exc.state, allowed_actions=list(exc.allowed)
        )
    raise TypeError(f"No GraphQL error type for {type(exc).__name__}") from exc


def integrity_to_conflict(exc: IntegrityError) -> ConflictError:
    return ConflictError("That would duplicate an existing record")


def should_mask_error(error: GraphQLError) -> bool:
    """Show our own user-facing errors and GraphQL's validation errors; mask everything else."""
    original = error.original_error
    if original is None:
        return False  # parse and validation errors: about the query, never about data
    # GraphQL's own errors about the request (a bad variable, an unknown enum) are not secrets.
    return not isinstance(original, GraphQLError | DomainError)


ERROR_TYPES = (ValidationFailed, NotFound, Conflict, PermissionDenied, InvalidTransition)

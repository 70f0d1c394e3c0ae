"""Error types: expected failures are union members with a machine ``code`` and a ``message``.

Domain exceptions are mapped here, once, by strawberry's ``exception_handlers``
(``EXCEPTION_HANDLERS``): a mutation calls its verb and returns its success type, and a raised
``NotFoundError`` becomes the ``NotFound`` member of its union. ``UserError`` is for query fields
whose bad arguments cannot be a union member (a page too large). Anything else is a bug: masked.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, cast

import strawberry
from graphql import GraphQLError
from strawberry.types.field import StrawberryField
from tortoise.exceptions import IntegrityError

from domain.error_codes import FIELD_ERROR_CODES, RETIRED, ErrorCode
from domain.errors import (
    ConflictError,
    DomainError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from models.enums import CaseAction, NeedAction
from schema import enums as _enums  # noqa: F401  (NeedAction's description)
from schema.cases import enums as _case_enums  # noqa: F401  (CaseAction's description)


class UserError(GraphQLError):
    """A user-facing error of a query field; shown whole, with ``extensions.code``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message, extensions={"code": code})


def _field_error_code() -> type[Enum]:
    """Every area's codes in one GraphQL enum (a field has one type), each value named by its
    wire string, so the JSON is what it was when ``code`` was a String."""
    values: dict[str, Any] = {}
    for area in FIELD_ERROR_CODES:
        label = area.__name__.removesuffix("ErrorCode")
        for code in area:
            values[code.value] = strawberry.enum_value(
                code.value, description=f"{label}: {code.description}"
            )
    for old, kept in RETIRED.items():
        values[old] = strawberry.enum_value(
            old,
            description=f"Merged into `{kept}`.",
            deprecation_reason=f"Never sent any more: `{kept}` is. Removed in the next release.",
        )
    return strawberry.enum(
        cast("type[Enum]", Enum("FieldErrorCode", values)),
        description="Why an input field was rejected; each value says its area.",
        graphql_name_from="value",
    )


FieldErrorCode = _field_error_code()


@strawberry.interface(description="An expected failure of a mutation.")
class Error:
    # String, not an enum: the type says which failure (switch on __typename); an enum here would
    # only repeat it, and would change the field's type under every existing client.
    code: str = strawberry.field(
        description="Machine-readable code, stable across releases: one per error type ("
        + ", ".join(f"`{code}`" for code in ErrorCode)
        + ")."
    )
    message: str = strawberry.field(description="What went wrong, for a human.")


@strawberry.type(name="FieldError", description="One input field that was rejected.")
class FieldErrorType:  # exposed as FieldError
    field: str = strawberry.field(description="The input field, camelCase; nested with dots.")
    message: str = strawberry.field(description="Why it was rejected.")
    code: str = strawberry.field(
        graphql_type=FieldErrorCode, description="Machine-readable reason, for a front end."
    )


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
    allowed_actions: list[str] = strawberry.field(
        description="Actions allowed from that state, as strings: the field is shared by "
        "cases, needs, sign-ups and patrols, whose actions are different enums (see "
        "allowedCaseActions, allowedNeedActions)."
    )
    allowed_case_actions: list[CaseAction] | None = strawberry.field(
        default=None,
        description="For a case: the actions its state allows (null for anything else). "
        "What you may take of them is `Case.viewerActions`.",
    )
    allowed_need_actions: list[NeedAction] | None = strawberry.field(
        default=None,
        description="For a need: the actions its state allows (null for anything else). "
        "What you may take of them is `Need.viewerActions`.",
    )


class ValidationFailedHandler(strawberry.ExceptionHandler[ValidationFailedError, ValidationFailed]):
    def handle(
        self, exception: ValidationFailedError, *, field: StrawberryField, info: strawberry.Info
    ) -> ValidationFailed:
        return ValidationFailed(
            code=exception.code,
            message=exception.message,
            field_errors=[
                FieldErrorType(field=e.field, message=e.message, code=e.code)
                for e in exception.field_errors
            ],
        )


class NotFoundHandler(strawberry.ExceptionHandler[NotFoundError, NotFound]):
    def handle(
        self, exception: NotFoundError, *, field: StrawberryField, info: strawberry.Info
    ) -> NotFound:
        return NotFound(code=exception.code, message=exception.message, field=exception.field)


class ConflictHandler(strawberry.ExceptionHandler[ConflictError | IntegrityError, Conflict]):
    """A unique index refusing a row is the same conflict the verb would have reported."""

    def handle(
        self,
        exception: ConflictError | IntegrityError,
        *,
        field: StrawberryField,
        info: strawberry.Info,
    ) -> Conflict:
        conflict = (
            ConflictError(DUPLICATE_MESSAGE) if isinstance(exception, IntegrityError) else exception
        )
        return Conflict(code=conflict.code, message=conflict.message)


class PermissionDeniedHandler(strawberry.ExceptionHandler[PermissionDeniedError, PermissionDenied]):
    def handle(
        self, exception: PermissionDeniedError, *, field: StrawberryField, info: strawberry.Info
    ) -> PermissionDenied:
        return PermissionDenied(code=exception.code, message=exception.message)


class InvalidTransitionHandler(
    strawberry.ExceptionHandler[InvalidTransitionError, InvalidTransition]
):
    def handle(
        self, exception: InvalidTransitionError, *, field: StrawberryField, info: strawberry.Info
    ) -> InvalidTransition:
        return InvalidTransition(
            code=exception.code,
            message=exception.message,
            state=exception.state,
            allowed_actions=list(exception.allowed),
            allowed_case_actions=(
                [CaseAction(a) for a in exception.allowed] if exception.kind is CaseAction else None
            ),
            allowed_need_actions=(
                [NeedAction(a) for a in exception.allowed] if exception.kind is NeedAction else None
            ),
        )


EXCEPTION_HANDLERS = (
    ValidationFailedHandler(),
    NotFoundHandler(),
    ConflictHandler(),
    PermissionDeniedHandler(),
    InvalidTransitionHandler(),
)
"""Each applies only to fields whose result union holds its error type; on any other field the
exception propagates as a GraphQL error (a ``DomainError`` shown with its code, anything else
masked), never as a union member the field does not declare."""

DUPLICATE_MESSAGE = "That would duplicate an existing record"


def should_mask_error(error: GraphQLError) -> bool:
    """Show our own user-facing errors and GraphQL's validation errors; mask everything else."""
    original = error.original_error
    if original is None:
        return False  # parse and validation errors: about the query, never about data
    # GraphQL's own errors about the request (a bad variable, an unknown enum) are not secrets.
    return not isinstance(original, GraphQLError | DomainError)

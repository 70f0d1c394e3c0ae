"""The domain's own exceptions: expected failures, each with a machine code and a message.

``schema/errors.py`` maps each one, once, to its GraphQL error type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from domain.error_codes import (
    FIELD_ERROR_CODES,
    ErrorCode,
    FieldErrorCode,
    InputErrorCode,
    RequestErrorCode,
)


@dataclass(frozen=True)
class FieldError:
    """One bad input field: its GraphQL name (camelCase, dotted for nested) and why."""

    field: str
    message: str
    code: FieldErrorCode = InputErrorCode.INVALID

    def __post_init__(self) -> None:
        # mypy holds callers to the enums; this holds code that builds a code at run time.
        if not isinstance(self.code, FIELD_ERROR_CODES):
            raise TypeError(f"{self.code!r} is not a member of a domain.error_codes enum")


class DomainError(Exception):
    """An expected failure the caller can act on."""

    code: ClassVar[StrEnum] = RequestErrorCode.ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationFailedError(DomainError):
    code = ErrorCode.VALIDATION_FAILED

    def __init__(self, field_errors: Sequence[FieldError], message: str | None = None) -> None:
        self.field_errors = tuple(field_errors)
        summary = "; ".join(f"{e.field}: {e.message}" for e in self.field_errors)
        super().__init__(message or f"Invalid input — {summary}")

    @classmethod
    def one(
        cls, field: str, message: str, code: FieldErrorCode = InputErrorCode.INVALID
    ) -> ValidationFailedError:
        return cls([FieldError(field=field, message=message, code=code)])


class NotFoundError(DomainError):
    code = ErrorCode.NOT_FOUND

    def __init__(self, kind: str, ref: object, field: str | None = None) -> None:
        self.kind = kind
        self.field = field
        super().__init__(f"{kind} {ref} does not exist or is not visible to you")


class ConflictError(DomainError):
    code = ErrorCode.CONFLICT


class PermissionDeniedError(DomainError):
    code = ErrorCode.PERMISSION_DENIED

    def __init__(self, message: str = "You are not allowed to do this here") -> None:
        super().__init__(message)


class InvalidTransitionError(DomainError):
    code = ErrorCode.INVALID_TRANSITION

    def __init__(
        self,
        *,
        state: str,
        action: str,
        allowed: Sequence[str],
        kind: type[StrEnum] | None = None,
    ) -> None:
        """``kind``: the enum of the actions (``CaseAction``, ``NeedAction``), when the
        answer can name them in their own type; ``allowed`` are its values."""
        self.state = state
        self.action = action
        self.allowed = tuple(str(a) for a in allowed)
        self.kind = kind
        allowed_text = ", ".join(self.allowed) or "none"
        super().__init__(f"Cannot {action} from state {state}; allowed: {allowed_text}")

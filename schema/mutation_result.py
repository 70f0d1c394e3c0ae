"""Running a mutation: domain exceptions become the union's error members, in one place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.exceptions import IntegrityError

from domain.errors import DomainError
from schema.errors import integrity_to_conflict, to_error


async def attempt(action: Callable[[], Awaitable[Any]]) -> Any:
    """Run ``action``; an expected failure becomes its error type, and nothing was written."""
    try:
        return await action()
    except DomainError as exc:
        return to_error(exc)
    except IntegrityError as exc:
        return to_error(integrity_to_conflict(exc))

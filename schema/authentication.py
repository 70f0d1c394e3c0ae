"""Fields that need a signed-in caller, and answering HTTP 401 when a request has none.

A field that requires a caller raises ``NotAuthenticated``; so does ``login`` with a wrong
password. ``Unauthenticated401`` then turns the whole response into HTTP 401 with the error
and ``data: null``, so nothing of the request is answered.
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from domain.error_codes import RequestErrorCode
from permissions.viewer import Viewer
from schema.context import Info
from schema.errors import UserError


class NotAuthenticated(UserError):
    """No valid credential where one is required, or a rejected login: HTTP 401."""

    def __init__(
        self,
        code: str = RequestErrorCode.UNAUTHENTICATED,
        message: str = "Sign in first: send 'Authorization: Bearer <token>'",
    ) -> None:
        super().__init__(code, message)


def signed_in(info: Info) -> Viewer:
    """The caller, who must be a user or an API token."""
    viewer = info.context.viewer
    if viewer.is_anonymous:
        raise NotAuthenticated()
    return viewer


class Unauthenticated401(SchemaExtension):
    """HTTP 401, ``WWW-Authenticate: Bearer`` and no data when any field said ``NotAuthenticated``."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        errors = getattr(result, "errors", None) or ()
        failed = [e for e in errors if isinstance(e.original_error, NotAuthenticated)]
        if not failed or result is None:
            return
        result.data = None
        result.errors = failed
        response = getattr(self.execution_context.context, "response", None)
        if response is not None:
            response.status_code = 401
            response.headers["WWW-Authenticate"] = "Bearer"

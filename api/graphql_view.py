"""The strawberry ASGI view: builds the typed Context, answers 401 for bad credentials."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.auth import AuthenticationFailed, authenticate
from api.context import Context
from api.settings import Settings
from permissions.enforcer import STALE_CHECK_SECONDS, reload_if_stale


class MinqingGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            # GET would let a link or an <img> run a query with the caller's cookies-free token;
            # partners POST, and GraphiQL POSTs too.
            allow_queries_via_get=False,
            # No subscriptions yet: refuse both websocket protocols.
            subscription_protocols=(),
            multipart_uploads_enabled=False,
        )
        self.settings = settings

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        await reload_if_stale(at_most_every=STALE_CHECK_SECONDS)
        viewer = await authenticate(request)
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        return Context(
            request=request if isinstance(request, Request) else None,
            response=response if isinstance(response, Response) else None,
            viewer=viewer,
            request_id=request_id,
            upload_dir=self.settings.upload_dir,
        )

    async def handle(self, scope: Any, receive: Any, send: Any) -> None:
        await self(scope, receive, send)


async def unauthorized(exc: AuthenticationFailed) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": exc.message, "extensions": {"code": exc.code}}]},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )

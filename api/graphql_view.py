"""The strawberry ASGI view: request ids, the typed Context, 401 for bad credentials, JSON
errors for refused requests (``api/request_body.py``), the response's media type
(``api/media_types.py``), the execution timeout, and GraphiQL (admins only in production)."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid
from typing import Any, cast

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult

from api.auth import AuthenticationFailed, authenticate
from api.graphiql import graphiql_html
from api.logging_setup import REQUEST_ID
from api.media_types import CONTENT_TYPES, JSON, finish_graphql_response, response_media_type
from api.metrics import note_unexpected, record_request
from api.ratelimit import Bucket, RedisTokenBucket, RequestGuard, TokenBucket, bucket_key
from api.request_body import (
    RequestRefused,
    bad_request_body,
    check_content_length,
    check_method,
    from_body,
    from_query_string,
    limit_body,
    method_not_allowed,
)
from api.settings import Settings
from permissions.enforcer import STALE_CHECK_SECONDS, reload_if_stale
from permissions.viewer import ANONYMOUS, Viewer
from schema.context import Context
from schema.errors import UserError
from schema.masking import MASKED_CODE, MASKED_MESSAGE, code_of, finish_errors, operation_name

logger = logging.getLogger("minqing.requests")

# A client's own X-Request-ID is kept when it is short and plain (it goes into the logs).
CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
HTTP_CODES = {404: "not_found", 405: "method_not_allowed"}


def json_error(
    status: int,
    code: str,
    message: str,
    request_id: str | None = None,
    *,
    headers: dict[str, str] | None = None,
    media_type: str = JSON,
) -> JSONResponse:
    extensions = {"code": code} if request_id is None else {"code": code, "requestId": request_id}
    body: dict[str, Any] = {"errors": [{"message": message, "extensions": extensions}]}
    if media_type == JSON:  # in graphql-response+json, a 4xx or 5xx has no data entry
        body = {"data": None, **body}
    return JSONResponse(body, status_code=status, headers=headers)


class MinqingGraphQL(GraphQL[Context, None]):
    def __init__(self, schema: Any, settings: Settings) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            # Queries over GET (never mutations: 405). No CSRF risk: credentials travel only
            # in the Authorization header, which a link or an <img> cannot send.
            allow_queries_via_get=True,
            # No subscriptions yet: refuse both websocket protocols.
            subscription_protocols=(),
            multipart_uploads_enabled=False,
        )
        self.settings = settings
        self.bucket = rate_limit_bucket(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        headers = Request(scope).headers
        given = headers.get("x-request-id", "")
        request_id = given if CLIENT_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        media_type = state["media_type"] = response_media_type(headers.get("accept", ""))
        request_id_token = REQUEST_ID.set(request_id)
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *(message.get("headers") or []),
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        limit = self.settings.max_body_bytes
        codes: list[str] = []
        try:
            check_method(scope["method"])
            check_content_length(headers, limit)
            response = await self.run(Request(scope, limit_body(receive, limit)))
            codes = state.get("codes", [])
        except AuthenticationFailed as exc:
            response, codes = await unauthorized(exc), [exc.code]
        except RequestRefused as exc:
            response = json_error(
                exc.status, exc.code, exc.message, headers=exc.headers, media_type=media_type
            )
            codes = [exc.code]
        except HTTPException as exc:
            code = HTTP_CODES.get(exc.status_code, "bad_request")
            response = json_error(exc.status_code, code, exc.reason, media_type=media_type)
            codes = [code]
        except Exception as exc:
            # Outside any operation (authentication, the policy reload): masked like the rest.
            logger.exception("request %s: unexpected error outside an operation", request_id)
            note_unexpected(exc)
            response = json_error(
                500, MASKED_CODE, MASKED_MESSAGE, request_id=request_id, media_type=media_type
            )
            codes = [MASKED_CODE]
        if response.headers.get("content-type", "").startswith(JSON):
            response.headers["content-type"] = CONTENT_TYPES[media_type]
        try:
            await response(scope, receive, send_with_id)
        finally:
            record_request(state.get("operation"), codes, time.perf_counter() - started)
            REQUEST_ID.reset(request_id_token)

    async def aclose(self) -> None:
        """Release what the view holds open (the rate limit's Redis connections)."""
        if isinstance(self.bucket, RedisTokenBucket):
            await self.bucket.close()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        await reload_if_stale(at_most_every=STALE_CHECK_SECONDS)
        viewer = await authenticate(request)
        request.state.viewer = viewer
        sub_response = response if isinstance(response, Response) else None
        request.state.sub_response = sub_response
        client = request.client.host if request.client else None
        request.state.guard = guard = RequestGuard(
            introspection=self.may_see_schema(viewer),
            bucket=self.bucket,
            key=bucket_key(viewer, client),
            response=sub_response,
        )
        return Context(
            request=request if isinstance(request, Request) else None,
            response=sub_response,
            viewer=viewer,
            request_id=request.state.request_id,
            guard=guard,
            upload_dir=self.settings.upload_dir,
        )

    def may_see_schema(self, viewer: Viewer) -> bool:
        """Introspection and GraphiQL: for everyone in dev, for admins only in production."""
        return not self.settings.is_production or viewer.is_admin

    async def render_graphql_ide(self, request: Request) -> Response:
        if not self.may_see_schema(getattr(request.state, "viewer", ANONYMOUS)):
            raise RequestRefused(404, "not_found", "Not Found")
        return HTMLResponse(graphiql_html(request.scope.get("root_path", "")))

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)  # its JSONDecodeError is json's: parse_json answers 400

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data)  # UTF-8, not \u escapes: 汉字 travel as themselves

    async def parse_http_body(self, request: AsyncHTTPRequestAdapter) -> GraphQLRequestData:
        if request.method == "GET":
            return from_query_string(cast("dict[str, str]", request.query_params))
        return from_body(request.content_type, await request.get_body())

    async def execute_single(self, **kwargs: Any) -> ExecutionResult:  # type: ignore[override]
        seconds = self.settings.execution_timeout_seconds
        context: Context = kwargs["context"]
        try:
            async with asyncio.timeout(seconds):
                return await super().execute_single(**kwargs)
        except HTTPException as exc:
            if isinstance(exc.__cause__, InvalidOperationTypeError):
                raise method_not_allowed("Mutations are sent with POST", "POST") from exc
            if isinstance(exc.__cause__, CannotGetOperationTypeError):
                raise bad_request_body(exc.reason) from exc
            raise
        except TimeoutError:
            logger.warning("request %s: timed out after %s s", context.request_id, seconds)
            error = UserError("timeout", f"The operation took longer than {seconds:g} s")
            return ExecutionResult(data=None, errors=[error])
        finally:
            kwargs["request"].state.operation = operation_name(context.execution)

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        guard: RequestGuard | None = getattr(request.state, "guard", None)
        if guard is not None and not guard.spent:
            await guard.spend(1)  # a document that never parsed still costs its point
        if result.errors:
            result.errors = finish_errors(result.errors, request.state.request_id)
            request.state.codes = [code_of(e) for e in result.errors]
        body = await super().process_result(request, result)
        if request.state.media_type != JSON:
            finish_graphql_response(request.state.sub_response, result, body)
        return body

    async def handle(self, scope: Any, receive: Any, send: Any) -> None:
        await self(scope, receive, send)


def rate_limit_bucket(settings: Settings) -> Bucket | None:
    """The buckets of the rate limit: in Redis when configured, else in this process."""
    if not settings.rate_limited:
        return None
    rate, capacity = settings.rate_limit_per_second, settings.rate_limit_burst
    if settings.rate_limit_redis_url:
        return RedisTokenBucket(
            settings.rate_limit_redis_url, rate, capacity, prefix=settings.rate_limit_redis_prefix
        )
    return TokenBucket(rate=rate, capacity=capacity)


async def unauthorized(exc: AuthenticationFailed) -> JSONResponse:
    return JSONResponse(
        {"errors": [{"message": exc.message, "extensions": {"code": exc.code}}]},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )

"""The media type of a response (GraphQL over HTTP): ``application/graphql-response+json`` when
the client accepts it, where a request that fails before execution — a document that does not
parse or validate, a limit, bad variables — answers HTTP 400 without ``data``; otherwise
``application/json``, where such a request answers 200 with ``data: null`` as it always has."""

from __future__ import annotations

from starlette.responses import Response
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from schema.limits import REQUEST_ERROR_CODES

JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"
CONTENT_TYPES = {JSON: "application/json", GRAPHQL_RESPONSE: f"{GRAPHQL_RESPONSE}; charset=utf-8"}


def response_media_type(accept: str) -> str:
    """``GRAPHQL_RESPONSE`` when the Accept header wants it at least as much as JSON; ``JSON``
    for anything else (no Accept, ``*/*``, a type we do not serve: legacy clients)."""
    quality = {JSON: 0.0, GRAPHQL_RESPONSE: 0.0}
    for part in accept.split(","):
        mime, *params = (piece.strip() for piece in part.split(";"))
        if mime.lower() in quality:
            quality[mime.lower()] = _q(params)
    wanted = quality[GRAPHQL_RESPONSE]
    return GRAPHQL_RESPONSE if wanted > 0 and wanted >= quality[JSON] else JSON


def _q(params: list[str]) -> float:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def is_request_error(result: ExecutionResult) -> bool:
    """Did the operation fail before any resolver ran (the spec's "request error")?"""
    return (
        result.data is None
        and bool(result.errors)
        and all(
            error.path is None and (error.extensions or {}).get("code") in REQUEST_ERROR_CODES
            for error in result.errors or ()
        )
    )


def finish_graphql_response(
    response: Response | None, result: ExecutionResult, body: GraphQLHTTPResponse
) -> None:
    """For ``GRAPHQL_RESPONSE``: a request error answers 400, and an answer of 4xx or 5xx (a
    request error, the rate limit's 429) carries no ``data``, as the spec asks."""
    if response is None:
        return
    if response.status_code is None and is_request_error(result):
        response.status_code = 400
    if response.status_code is not None and response.status_code >= 400:
        body.pop("data", None)

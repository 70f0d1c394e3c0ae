"""What a request to ``/graphql`` must be before anything runs: a method we serve, a body no
larger than ``MINQING_MAX_BODY_BYTES`` (counted while it streams in), ``application/json`` in
UTF-8, and one GraphQL request object. Each refusal is a 4xx with its own ``code``:

| status | code | when |
|---|---|---|
| 400 | ``bad_json`` | the body (or a GET's ``variables``/``extensions``) is empty, not UTF-8, or not JSON |
| 400 | ``bad_request_body`` | JSON, but not one request: not an object, ``query`` missing or not a string, ``variables``/``extensions`` not objects, ``operationName`` not a string or naming no operation |
| 400 | ``batching_disabled`` | a JSON array (several operations) |
| 405 | ``method_not_allowed`` | neither GET nor POST, or a mutation over GET (``Allow`` names what is) |
| 413 | ``body_too_large`` | a ``Content-Length``, or the bytes received so far, above the limit |
| 415 | ``unsupported_media_type`` | a POST whose ``Content-Type`` is not ``application/json`` in UTF-8 |
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson
from starlette.types import Message, Receive
from strawberry.http import GraphQLRequestData
from strawberry.http.parse_content_type import parse_content_type

BATCH_REFUSED = "Batched operations (a JSON array body) are not accepted: send one per request"
UTF8 = {"utf-8", "utf8"}


class RequestRefused(Exception):
    """The request is answered with ``status`` and a JSON error before anything runs."""

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = dict(headers or {})


def bad_json(message: str) -> RequestRefused:
    return RequestRefused(400, "bad_json", message)


def bad_request_body(message: str) -> RequestRefused:
    return RequestRefused(400, "bad_request_body", message)


def body_too_large(limit: int) -> RequestRefused:
    return RequestRefused(413, "body_too_large", f"The request body is larger than {limit} bytes")


def method_not_allowed(message: str, allow: str) -> RequestRefused:
    return RequestRefused(405, "method_not_allowed", message, headers={"Allow": allow})


def check_method(method: str) -> None:
    if method not in ("GET", "POST"):
        raise method_not_allowed(f"/graphql answers GET and POST, not {method}", "GET, POST")


def check_content_length(headers: Mapping[str, str], limit: int) -> None:
    """Refuse a body announced larger than the limit before reading any of it."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise body_too_large(limit)


def limit_body(receive: Receive, limit: int) -> Receive:
    """``receive`` that refuses as soon as the body's running total passes ``limit`` bytes
    (a chunked body announces no length; a lying Content-Length is caught here too)."""
    received = 0

    async def receive_within_limit() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise body_too_large(limit)
        return message

    return receive_within_limit


def from_query_string(params: Mapping[str, str]) -> GraphQLRequestData:
    """A GET's request: ``query``, ``operationName``, and ``variables``/``extensions`` as JSON."""
    data: dict[str, Any] = {
        "query": params.get("query"),
        "operationName": params.get("operationName"),
    }
    for name in ("variables", "extensions"):
        text = params.get(name)
        data[name] = _json(text.encode(), f"`{name}`") if text else None
    return request_data(data)


def from_body(content_type: str | None, body: bytes) -> GraphQLRequestData:
    """A POST's request: one JSON object, sent as ``application/json`` in UTF-8."""
    mime, params = parse_content_type(content_type or "")
    if mime != "application/json" or params.get("charset", "utf-8").lower() not in UTF8:
        raise RequestRefused(
            415,
            "unsupported_media_type",
            f"Send the request as Content-Type: application/json (UTF-8), not {content_type or 'none'}",
        )
    return request_data(_json(body, "The body"))


def _json(raw: bytes, what: str) -> object:
    if not raw.strip():
        raise bad_json(f"{what} is empty: send a JSON object with a `query`")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad_json(f"{what} is not valid UTF-8 (byte {exc.start})") from exc
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        raise bad_json(f"{what} is not valid JSON: {exc}") from exc


def request_data(data: object) -> GraphQLRequestData:
    """The GraphQL request in ``data``, or a refusal naming what is wrong with it."""
    if isinstance(data, list):
        raise RequestRefused(400, "batching_disabled", BATCH_REFUSED)
    if not isinstance(data, dict):
        raise bad_request_body(
            f"The body must be a JSON object with a `query`, not {_json_type(data)}"
        )
    query = data.get("query")
    if query is None or query == "":
        raise bad_request_body("The request has no `query`")
    if not isinstance(query, str):
        raise bad_request_body(f"`query` must be a string, not {_json_type(query)}")
    for name in ("variables", "extensions"):
        if not isinstance(data.get(name), dict | None):
            raise bad_request_body(f"`{name}` must be an object, not {_json_type(data[name])}")
    operation_name = data.get("operationName")
    if not isinstance(operation_name, str | None):
        raise bad_request_body(
            f"`operationName` must be a string, not {_json_type(operation_name)}"
        )
    return GraphQLRequestData(
        query=query,
        variables=data.get("variables"),
        operation_name=operation_name or None,  # some clients send "" for "the only one"
        extensions=data.get("extensions"),
    )


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"

"""Prometheus metrics: requests by operation and outcome, their latency, error codes, the rate
limit's refusals, sweep runs and the steps they marked, database errors.

``GET /metrics`` answers an admin's bearer token; ``MINQING_METRICS_ADDRESS`` also serves them,
without authentication, on an address of their own for a scraper (each worker process counts
its own requests: with ``--workers N`` only the first to bind that address serves it).

Label values stay few: an operation's name comes from the client, so a name that is not a plain
GraphQL name, or arrives after ``MAX_OPERATIONS`` others, counts as ``other``; outcomes and
error codes are the server's own codes."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from threading import Lock

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    Counter,
    Histogram,
    generate_latest,
    start_http_server,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from tortoise.exceptions import (
    DBConnectionError,
    NotExistOrMultiple,
    OperationalError,
    TransactionManagementError,
)

from api.auth import AuthenticationFailed, authenticate
from domain.case_sweep import SweepReport
from permissions.enforcer import STALE_CHECK_SECONDS, reload_if_stale
from schema.masking import OPERATION_NAME, UNEXPECTED_ERROR_OBSERVERS

log = logging.getLogger("minqing.metrics")

MAX_OPERATIONS = 200
ANONYMOUS = "anonymous"
OTHER = "other"

REQUESTS = Counter(
    "minqing_requests",
    "GraphQL requests by operation name and outcome (ok, or the first error's code).",
    ["operation", "outcome"],
)
LATENCY = Histogram(
    "minqing_request_duration_seconds",
    "Time from a GraphQL request's arrival to its answer, by operation name.",
    ["operation"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
ERRORS = Counter("minqing_errors", "Errors in GraphQL answers, by code.", ["code"])
RATE_LIMITED = Counter("minqing_rate_limited", "Requests refused by the rate limit (HTTP 429).")
SWEEP_RUNS = Counter(
    "minqing_sweep_runs", "Runs of the server's periodic case sweep, by outcome.", ["outcome"]
)
SWEEP_MARKED = Counter(
    "minqing_sweep_marked",
    "Overdue steps the periodic sweep marked, and cases it auto-closed, by kind.",
    ["kind"],
)
DATABASE_ERRORS = Counter(
    "minqing_database_errors",
    "Unexpected database errors: unreachable, locked, a failed statement or transaction.",
)

_operations: set[str] = set()
_operations_lock = Lock()  # the separate metrics address reads from its own thread


def operation_label(name: str | None) -> str:
    """A bounded label for a client's operation name."""
    if not name:
        return ANONYMOUS
    if name in _operations:
        return name
    if not OPERATION_NAME.fullmatch(name):
        return OTHER
    with _operations_lock:
        if len(_operations) >= MAX_OPERATIONS:
            return OTHER
        _operations.add(name)
    return name


def record_request(operation: str | None, codes: Sequence[str], seconds: float) -> None:
    """Count one GraphQL request that ended with ``codes`` (none: ok)."""
    label = operation_label(operation)
    REQUESTS.labels(label, codes[0] if codes else "ok").inc()
    LATENCY.labels(label).observe(seconds)
    for code in codes:
        ERRORS.labels(code).inc()
    if "rate_limited" in codes:
        RATE_LIMITED.inc()


def record_sweep(report: SweepReport | None) -> None:
    """Count one run of the periodic sweep (None: it failed)."""
    if report is None:
        SWEEP_RUNS.labels("failed").inc()
        return
    SWEEP_RUNS.labels("ok").inc()
    for kind in ("accept_overdue", "handle_overdue", "report_in_overdue", "dispatch_overdue"):
        SWEEP_MARKED.labels(kind).inc(getattr(report, kind))
    SWEEP_MARKED.labels("auto_closed").inc(report.auto_closed)


def is_database_error(exc: BaseException | None) -> bool:
    """Whether ``exc``, or an exception it came from, is the database failing (not a bug in
    how it was asked, such as a ``.get()`` that found nothing)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, NotExistOrMultiple):
            return False
        if isinstance(
            exc, OperationalError | DBConnectionError | TransactionManagementError | sqlite3.Error
        ) or type(exc).__module__.startswith("asyncpg"):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def note_unexpected(exc: BaseException | None) -> None:
    """Count an unexpected error that is the database failing."""
    if is_database_error(exc):
        DATABASE_ERRORS.inc()


UNEXPECTED_ERROR_OBSERVERS.append(note_unexpected)


def _coded(status: int, code: str, message: str) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(body, status, headers=headers)


async def metrics_endpoint(request: Request) -> Response:
    """``GET /metrics``: the Prometheus text format, for an admin's bearer token only."""
    try:
        await reload_if_stale(at_most_every=STALE_CHECK_SECONDS)
        viewer = await authenticate(request)
    except AuthenticationFailed as exc:
        return _coded(401, exc.code, exc.message)
    if viewer.is_anonymous:
        return _coded(401, "unauthenticated", "Sign in first: send 'Authorization: Bearer <token>'")
    if not viewer.is_admin:
        return _coded(403, "permission_denied", "Only an admin may read the metrics")
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


@contextmanager
def metrics_server(address: tuple[str, int] | None) -> Iterator[None]:
    """Serve the metrics on ``address`` (no authentication) for the lifetime of the block."""
    if address is None:
        yield
        return
    host, port = address
    try:
        server, thread = start_http_server(port, addr=host)
    except OSError as exc:
        # Another worker of this server holds the address: its metrics are served there.
        log.warning("metrics address %s:%s not served by this process: %s", host, port, exc)
        yield
        return
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)

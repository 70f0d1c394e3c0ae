"""The rate limit's buckets in Redis, shared by every worker (skipped when Redis is absent)."""

from __future__ import annotations

import logging
import socket
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from api.graphql_view import MinqingGraphQL
from api.ratelimit import RedisTokenBucket
from api.settings import load_settings
from schema.schema import schema
from tests.support.apps import client_for
from tests.support.graphql import GraphQLClient

REDIS_URL = "redis://127.0.0.1:6379/0"


def redis_answers() -> bool:
    try:
        import redis  # noqa: F401
    except ImportError:
        return False
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@asynccontextmanager
async def worker(db: str, redis_url: str, prefix: str) -> AsyncIterator[GraphQLClient]:
    """One worker's view of the app, with its own Redis client."""
    settings = load_settings(
        {
            "MINQING_DATABASE_URL": db,
            "MINQING_RATE_LIMIT_PER_SECOND": "0.5",
            "MINQING_RATE_LIMIT_BURST": "3",
            "MINQING_RATE_LIMIT_REDIS_URL": redis_url,
            "MINQING_RATE_LIMIT_REDIS_PREFIX": prefix,
        }
    )
    view = MinqingGraphQL(schema, settings)
    assert isinstance(view.bucket, RedisTokenBucket)
    try:
        async with client_for(view) as client:
            yield client
    finally:
        await view.aclose()


@pytest.mark.skipif(not redis_answers(), reason="no Redis at 127.0.0.1:6379")
async def test_two_workers_spend_from_one_bucket_in_redis(db: str) -> None:
    prefix = f"minqing-test:{uuid.uuid4().hex}:"
    async with worker(db, REDIS_URL, prefix) as first, worker(db, REDIS_URL, prefix) as second:
        statuses = [
            (await first.post("{ apiVersion }")).status_code,
            (await second.post("{ apiVersion }")).status_code,
            (await first.post("{ apiVersion }")).status_code,
        ]
        refused = await second.post("{ apiVersion }")
    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.headers["retry-after"] == "2"


async def test_when_redis_does_not_answer_requests_pass_with_a_warning(
    db: str, caplog: pytest.LogCaptureFixture
) -> None:
    pytest.importorskip("redis")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    prefix = f"minqing-test:{uuid.uuid4().hex}:"
    with caplog.at_level(logging.WARNING, logger="minqing.ratelimit"):
        async with worker(db, f"redis://127.0.0.1:{closed_port}/0", prefix) as client:
            statuses = [(await client.post("{ apiVersion }")).status_code for _ in range(5)]
    assert statuses == [200] * 5
    assert "rate limit store unavailable, not limiting" in caplog.text

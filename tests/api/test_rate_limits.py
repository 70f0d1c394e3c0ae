"""Rate limits: a token bucket per API token, per user, and per client IP for anonymous callers."""

from __future__ import annotations

from api.ratelimit import TokenBucket
from permissions.enums import Role
from tests.support.apps import app_with
from tests.support.factories import user_with_role

SMALL = {"MINQING_RATE_LIMIT_PER_SECOND": "0.5", "MINQING_RATE_LIMIT_BURST": "3"}


async def test_over_the_limit_a_caller_gets_429_with_retry_after(db: str) -> None:
    async with app_with(db, **SMALL) as client:
        answers = [await client.post("{ apiVersion }") for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    refused = answers[3]
    assert refused.headers["retry-after"] == "2"
    assert refused.json() == {
        "data": None,
        "errors": [
            {
                "message": "Too many requests: retry in 2 s",
                "extensions": {"code": "rate_limited", "retryAfter": 2},
            }
        ],
        "extensions": {"cost": {"nodes": 0, "maxNodes": 10000, "points": 1}},
    }


async def test_each_user_has_a_bucket_of_their_own(db: str) -> None:
    _, first = await user_with_role(Role.ADMIN)
    _, second = await user_with_role(Role.ADMIN)
    async with app_with(db, **SMALL) as client:
        spent = [(await client.as_(first).post("{ apiVersion }")).status_code for _ in range(4)]
        other = await client.as_(second).post("{ apiVersion }")
        anonymous = await client.post("{ apiVersion }")
    assert spent == [200, 200, 200, 429]
    assert other.status_code == 200
    assert anonymous.status_code == 200


async def test_a_query_spends_points_by_its_estimated_cost(db: str) -> None:
    async with app_with(db, **SMALL) as client:
        # 1 + 100 + 100 objects: 3 points, the whole bucket
        wide = await client.post("{ grids(first: 100) { edges { node { name } } } }")
        after = await client.post("{ apiVersion }")
    assert wide.json()["extensions"]["cost"]["points"] == 3
    assert wide.status_code == 200
    assert after.status_code == 429


async def test_a_mutation_costs_ten_points_more(db: str) -> None:
    _, token = await user_with_role(Role.ADMIN)
    async with app_with(db) as client:
        body = await client.as_(token)(
            'mutation { createGrid(input: {name: "x", level: STREET}) { __typename } }'
        )
    assert body["extensions"]["cost"] == {"nodes": 1, "maxNodes": 10000, "points": 11}


async def test_a_rate_of_zero_switches_the_limit_off(db: str) -> None:
    async with app_with(db, MINQING_RATE_LIMIT_PER_SECOND="0", MINQING_RATE_LIMIT_BURST="1") as c:
        statuses = {(await c.post("{ apiVersion }")).status_code for _ in range(5)}
    assert statuses == {200}


def test_a_bucket_refills_at_its_rate() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=10, capacity=20, clock=lambda: now[0])
    assert bucket.take_now("user:1", 20) is None
    assert bucket.take_now("user:1", 5) == 0.5
    now[0] = 0.5
    assert bucket.take_now("user:1", 5) is None
    assert bucket.take_now("user:1", 1) == 0.1
    now[0] = 100.0
    assert bucket.take_now("user:1", 20) is None  # refilled, but never beyond its capacity
    assert bucket.take_now("user:1", 1) == 0.1


async def test_documents_that_do_not_parse_spend_points_too(db: str) -> None:
    async with app_with(db, **SMALL) as client:
        broken = [(await client.post("{ apiVersion")).status_code for _ in range(3)]
        after = await client.post("{ apiVersion }")
    assert broken == [200, 200, 200]
    assert after.status_code == 429

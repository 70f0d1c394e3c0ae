"""Rate limits: a token bucket per caller (API token, user, or client IP for anonymous callers).

A bucket holds up to ``capacity`` points and refills at ``rate`` points per second; an
operation spends the points its estimated cost is worth (``schema.limits.points_for``).

``TokenBucket`` keeps the buckets in this process: with several workers each holds its own, so
a caller gets up to ``workers`` times the rate. ``RedisTokenBucket`` (``MINQING_RATE_LIMIT_
REDIS_URL``) keeps them in Redis, shared by every worker and machine, with Redis's clock; if
Redis does not answer, requests pass (and a warning is logged) rather than fail.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.responses import Response

from permissions.viewer import Viewer

MAX_BUCKETS = 50_000  # beyond this, full buckets (those equal to no bucket at all) are dropped
logger = logging.getLogger("minqing.ratelimit")


class Bucket(Protocol):
    async def take(self, key: str, points: float) -> float | None:
        """Spend ``points`` from ``key``'s bucket; None if it held them, else seconds to wait."""


@dataclass
class TokenBucket:
    """Buckets of ``capacity`` points refilled at ``rate`` points per second, in this process."""

    rate: float
    capacity: float
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    async def take(self, key: str, points: float) -> float | None:
        return self.take_now(key, points)

    def take_now(self, key: str, points: float) -> float | None:
        now = self.clock()
        points = min(points, self.capacity)
        held, at = self._buckets.get(key, (self.capacity, now))
        held = min(self.capacity, held + (now - at) * self.rate)
        if held >= points:
            self._buckets[key] = (held - points, now)
            if len(self._buckets) > MAX_BUCKETS:
                self._forget_full(now)
            return None
        self._buckets[key] = (held, now)
        return (points - held) / self.rate

    def _forget_full(self, now: float) -> None:
        full = [
            key
            for key, (held, at) in self._buckets.items()
            if held + (now - at) * self.rate >= self.capacity
        ]
        for key in full:
            del self._buckets[key]


# The same arithmetic as TokenBucket.take_now, atomic in Redis, on Redis's clock. Returns the
# wait in microseconds (0: spent). The key expires once it would be full again.
TAKE_SCRIPT = """
local rate, capacity = tonumber(ARGV[1]), tonumber(ARGV[2])
local points = math.min(tonumber(ARGV[3]), capacity)
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'held', 'at')
local held, at = tonumber(state[1]), tonumber(state[2])
if held == nil then held, at = capacity, now end
held = math.min(capacity, held + (now - at) * rate)
local wait = 0
if held >= points then held = held - points else wait = (points - held) / rate end
redis.call('HSET', KEYS[1], 'held', tostring(held), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - held) / rate * 1000) + 1000)
return math.ceil(wait * 1000000)
"""


class RedisTokenBucket:
    """The same buckets in Redis, shared by every worker."""

    def __init__(self, url: str, rate: float, capacity: float, prefix: str = "minqing:rl:") -> None:
        try:
            import redis.asyncio as redis
        except ImportError as exc:  # pragma: no cover - depends on the installed extras
            raise RuntimeError(
                "MINQING_RATE_LIMIT_REDIS_URL needs the redis client: pip install 'minqing[redis]'"
            ) from exc
        self.rate, self.capacity, self.prefix = rate, capacity, prefix
        self.client: Any = redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.script: Any = self.client.register_script(TAKE_SCRIPT)

    async def take(self, key: str, points: float) -> float | None:
        try:
            micros = await self.script(
                keys=[self.prefix + key], args=[self.rate, self.capacity, points]
            )
        except Exception as exc:  # any Redis failure: let the request through, say so
            logger.warning("rate limit store unavailable, not limiting: %s", exc)
            return None
        return None if int(micros) == 0 else int(micros) / 1_000_000

    async def close(self) -> None:
        await self.client.aclose()


def bucket_key(viewer: Viewer, client_ip: str | None) -> str:
    """Whose bucket a request spends from: ``token:ID``, ``user:ID`` or ``ip:ADDRESS``."""
    if viewer.is_anonymous:
        return f"ip:{client_ip or 'unknown'}"
    return viewer.subject


@dataclass
class RequestGuard:
    """What one request may do: read the schema (introspection), spend rate-limit points."""

    introspection: bool = True
    bucket: Bucket | None = None
    key: str = ""
    response: Response | None = None
    refused_for: float | None = None
    spent: bool = False

    async def spend(self, points: int) -> float | None:
        """Spend ``points``; on refusal, the response turns into HTTP 429 with ``Retry-After``."""
        self.spent = True
        if self.bucket is None:
            return None
        wait = await self.bucket.take(self.key, points)
        if wait is not None:
            self.refused_for = wait
            if self.response is not None:
                self.response.status_code = 429
                self.response.headers["Retry-After"] = str(max(1, int(wait + 0.999)))
        return wait

"""Rate limits: a token bucket per caller (API token, user, or client IP for anonymous callers).

A bucket holds up to ``capacity`` points and refills at ``rate`` points per second; an
operation spends the points its estimated cost is worth (``schema.limits.points_for``). The
buckets live in this process: with several workers each holds its own, so a caller gets up to
``workers`` times the rate (see the README).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.responses import Response

from permissions.viewer import Viewer

MAX_BUCKETS = 50_000  # beyond this, full buckets (those equal to no bucket at all) are dropped


@dataclass
class TokenBucket:
    """Buckets of ``capacity`` points refilled at ``rate`` points per second, one per key."""

    rate: float
    capacity: float
    clock: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def take(self, key: str, points: float) -> float | None:
        """Spend ``points`` from ``key``'s bucket; None if it held them, else seconds to wait."""
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


def bucket_key(viewer: Viewer, client_ip: str | None) -> str:
    """Whose bucket a request spends from: ``token:ID``, ``user:ID`` or ``ip:ADDRESS``."""
    if viewer.is_anonymous:
        return f"ip:{client_ip or 'unknown'}"
    return viewer.subject


@dataclass
class RequestGuard:
    """What one request may do: read the schema (introspection), spend rate-limit points."""

    introspection: bool = True
    bucket: TokenBucket | None = None
    key: str = ""
    response: Response | None = None
    refused_for: float | None = None

    def spend(self, points: int) -> float | None:
        """Spend ``points``; on refusal, the response turns into HTTP 429 with ``Retry-After``."""
        if self.bucket is None:
            return None
        wait = self.bucket.take(self.key, points)
        if wait is not None:
            self.refused_for = wait
            if self.response is not None:
                self.response.status_code = 429
                self.response.headers["Retry-After"] = str(max(1, int(wait + 0.999)))
        return wait

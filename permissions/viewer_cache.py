"""A second's memory of who a credential is, so a burst of requests authenticates once.

Authenticating reads the session (or token) and the holder's role assignments: two queries
that would otherwise run on every request. An entry is used only while

* it is younger than ``TTL_SECONDS``,
* the policy version it was read under is current (every rule or assignment change and every
  grid move, made here or noticed from another process, bumps it: ``permissions.enforcer``),
* nothing in this process ended sessions, changed an account or revoked a token since:
  those verbs call ``forget_all()`` inside their transaction, so a logout holds at once here.

A logout in another worker process holds here within ``TTL_SECONDS`` — the same bound as a
role change made there (``permissions.enforcer.STALE_CHECK_SECONDS``). Failed credentials are
never remembered, and no entry outlives its session or token. Keys are the credential's SHA-256, never the secret itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

from permissions.enforcer import policy_version
from permissions.viewer import Viewer

TTL_SECONDS = 1.0
MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class _Entry:
    viewer: Viewer
    policy_version: int
    until: float


_entries: dict[str, _Entry] = {}
_generation = 0  # bumped by forget_all(): a read that began before it is not remembered


def generation() -> int:
    """Take this before reading a viewer and pass it to ``remember``."""
    return _generation


def recall(key: str) -> Viewer | None:
    """The viewer remembered under ``key``, if it may still be used."""
    entry = _entries.get(key)
    if entry is None:
        return None
    if entry.until <= time.monotonic() or entry.policy_version != policy_version():
        _entries.pop(key, None)
        return None
    return entry.viewer


def remember(key: str, viewer: Viewer, read_in_generation: int, *, expires_at: datetime) -> None:
    """Keep ``viewer`` for ``TTL_SECONDS`` or until its credential ``expires_at``, whichever
    comes first — unless something was forgotten while it was read (it may predate that
    change) or the cache is switched off (``TTL_SECONDS = 0``)."""
    left = min(TTL_SECONDS, (expires_at - datetime.now(UTC)).total_seconds())
    if left <= 0 or read_in_generation != _generation:
        return
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()  # a flood of distinct credentials: start over rather than grow
    _entries[key] = _Entry(viewer, policy_version(), time.monotonic() + left)


def forget_all() -> None:
    """Drop every entry: sessions ended, an account changed or a token revoked."""
    global _generation
    _generation += 1
    _entries.clear()

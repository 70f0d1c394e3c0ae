"""Throttling failed logins so that nobody can lock anyone else out.

Failures are counted per (login name, client address) and per client address across all
names. Past a few free failures each further one makes that key wait twice as long as the last
(30 s, 1 min, 2 min … at most 15 min). A wrong guess from one address never delays the same
login from another address, so an attacker cannot keep ``admin`` out; and an address that
sprays many names is slowed on all of them. A success clears its (login, address) key only:
the address's own count runs down by itself once it stops failing.

Each time a key starts waiting, the audit log records it (``login.throttled``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.expressions import F

from domain.audit import audit
from domain.clock import moment
from models.auth import LoginAttempt

ANY_LOGIN = ""  # the key of an address's failures across all login names
MAX_LOGIN_LENGTH = 50
MAX_ADDRESS_LENGTH = 64
UNKNOWN_ADDRESS = "unknown"


@dataclass(frozen=True)
class Rule:
    """Free failures before waiting begins, the first wait, and the longest."""

    free_failures: int
    first_wait: timedelta
    longest_wait: timedelta
    forget_after: timedelta  # a key quiet this long starts from zero again

    def wait_after(self, failures: int) -> timedelta | None:
        """How long a key must wait after its ``failures``-th failure (None: no wait)."""
        beyond = failures - self.free_failures - 1
        if beyond < 0:
            return None
        return min(self.first_wait * (2 ** min(beyond, 20)), self.longest_wait)


PER_LOGIN_AND_ADDRESS = Rule(
    free_failures=5,
    first_wait=timedelta(seconds=30),
    longest_wait=timedelta(minutes=15),
    forget_after=timedelta(hours=24),
)
PER_ADDRESS = Rule(
    free_failures=50,
    first_wait=timedelta(seconds=30),
    longest_wait=timedelta(minutes=15),
    forget_after=timedelta(hours=1),
)


def _keys(login: str, address: str | None) -> list[tuple[str, str, Rule]]:
    where = (address or UNKNOWN_ADDRESS)[:MAX_ADDRESS_LENGTH]
    return [
        (login[:MAX_LOGIN_LENGTH], where, PER_LOGIN_AND_ADDRESS),
        (ANY_LOGIN, where, PER_ADDRESS),
    ]


async def waiting_until(login: str, address: str | None) -> datetime | None:
    """The moment before which this login from this address is refused, if it must wait."""
    at = moment()
    latest: datetime | None = None
    for name, where, _ in _keys(login, address):
        row = await LoginAttempt.filter(login=name, address=where).first()
        if row is not None and row.locked_until is not None and row.locked_until > at:
            latest = row.locked_until if latest is None else max(latest, row.locked_until)
    return latest


async def record_failure(login: str, address: str | None) -> None:
    """Count one failure on each key; a key past its free failures starts waiting (audited)."""
    at = moment()
    for name, where, rule in _keys(login, address):
        row, created = await LoginAttempt.get_or_create(login=name, address=where)
        quiet = row.last_failure_at is not None and at - row.last_failure_at > rule.forget_after
        if not created and quiet:
            await LoginAttempt.filter(id=row.id).update(failures=0)
        await LoginAttempt.filter(id=row.id).update(failures=F("failures") + 1, last_failure_at=at)
        await row.refresh_from_db(fields=["failures"])
        wait = rule.wait_after(row.failures)
        if wait is None:
            continue
        until = at + wait
        await LoginAttempt.filter(id=row.id).update(locked_until=until)
        scope = "address" if name == ANY_LOGIN else "login"
        await audit(
            None,
            "login.throttled",
            f"Login:{name}"[:100] if name else f"Address:{where}"[:100],
            after={
                "scope": scope,
                "address": where,
                "failures": row.failures,
                "until": until.isoformat(),
            },
        )


async def record_success(login: str, address: str | None) -> None:
    """A correct password clears the (login, address) key; the address's own count stays."""
    name, where, _ = _keys(login, address)[0]
    await LoginAttempt.filter(login=name, address=where).update(
        failures=0, locked_until=None, last_failure_at=None
    )

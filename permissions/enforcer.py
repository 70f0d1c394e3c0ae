"""The Casbin enforcer: one per process, asked through ``can()``.

Source of truth: ``model.conf`` and the rows of ``casbin_rule`` (the ``p`` rules seeded from
``policy.csv``, the ``g`` rows being role assignments). Casbin makes every decision; this
module only feeds it quickly.

Freshness (the simplest design that stays correct with several worker processes):

* ``await reload()`` reads every rule from the database. Call it at startup; until then the
  enforcer is empty and ``can()`` answers False.
* Rule changes go through ``add_rule``/``remove_rule`` (Casbin auto-save through our adapter);
  assignment changes are rows of ``role_assignment`` written by ``domain.roles``, which then
  calls ``reload()``.
* Other processes notice with ``await reload_if_stale()`` (three small ``COUNT``/``MAX(id)``
  queries, run at most once per ``STALE_CHECK_SECONDS`` by the request context): rows are
  never updated and ids never reused, so the fingerprint moves on every insert or delete.

Speed, with tens of thousands of assignments:

* ``PlaceRoleManager`` replaces Casbin's ``DomainManager``, which for every new request
  domain scans all assignment domains, copies the links of the matching ones into a new
  role manager and keeps it forever (milliseconds per call, unbounded memory). Ours indexes
  links by subject, so ``has_link`` looks only at the subject's own few assignments and asks
  the registered domain matching function about each.
* ``PlaceEnforcer.enforce`` hands Casbin only the ``p`` rows with the request's ``obj`` and
  ``act``: every row-dependent clause of the matcher requires ``r.obj == p.obj && r.act ==
  p.act``, so the other rows can only evaluate false, and the admin clause does not depend on
  the row (Casbin evaluates it once when no row is left). The subset is computed per call,
  so it can never go stale.

Like Casbin's own enforcers this is not thread-safe: call it from the event loop thread.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import casbin
from casbin.persist.adapters.asyncio import AsyncAdapter
from casbin.rbac import RoleManager

from permissions.adapter import MODEL_FILE, TortoiseAdapter, rules_fingerprint
from permissions.enums import Action, Resource, Role

ROOT = "/"
DEPARTMENT_PREFIX = "dept:"

DomainMatcher = Callable[[str, str], bool]


def user_subject(user_id: int) -> str:
    """The Casbin subject of a user."""
    return f"user:{user_id}"


def token_subject(token_id: int) -> str:
    """The Casbin subject of an API token, which holds its own assignments."""
    return f"token:{token_id}"


def department_domain(department_id: int) -> str:
    """The Casbin domain of a department."""
    return f"{DEPARTMENT_PREFIX}{department_id}"


def domain_matches(request: str, assigned: str) -> bool:
    """Does an assignment at place ``assigned`` hold in place ``request``?

    A grid path holds in its whole subtree (paths end with "/", so "/1/2/" does not hold in
    "/1/20/"), a department only in itself, and "/" in every grid path and department.
    """
    if assigned.startswith(DEPARTMENT_PREFIX):
        return request == assigned
    if not (assigned.startswith(ROOT) and assigned.endswith(ROOT)):
        return False
    if request.startswith(ROOT):
        return request.startswith(assigned)
    return assigned == ROOT and request.startswith(DEPARTMENT_PREFIX)


def _one_domain(domain: tuple[str, ...]) -> str:
    if len(domain) > 1:
        raise ValueError("a link has at most one domain")
    return domain[0] if domain else ""


class PlaceRoleManager(RoleManager):
    """Casbin role manager with links indexed by subject (see the module docstring).

    Semantics are Casbin's domain role manager's: a link (user, role, D) counts in request
    domain R when D == R or the domain matching function says D holds in R, and links chain
    (user → role → inherited role) up to ``max_hierarchy_level``.
    """

    def __init__(self, max_hierarchy_level: int = 10) -> None:
        self.max_hierarchy_level = max_hierarchy_level
        self.domain_matching_func: DomainMatcher | None = None
        self._links: dict[str, set[tuple[str, str]]] = {}

    def add_matching_func(self, fn: DomainMatcher) -> None:
        raise NotImplementedError("role names are plain strings; patterns are not supported")

    def add_domain_matching_func(self, fn: DomainMatcher) -> None:
        self.domain_matching_func = fn

    def clear(self) -> None:
        self._links = {}

    def add_link(self, name1: str, name2: str, *domain: str) -> None:
        self._links.setdefault(name1, set()).add((name2, _one_domain(domain)))

    def delete_link(self, name1: str, name2: str, *domain: str) -> None:
        links = self._links.get(name1)
        if links is not None:
            links.discard((name2, _one_domain(domain)))
            if not links:
                del self._links[name1]

    def has_link(self, name1: str, name2: str, *domain: str) -> bool:
        if name1 == name2:
            return True
        request = _one_domain(domain)
        seen, frontier = {name1}, [name1]
        for _ in range(self.max_hierarchy_level):
            found = [role for name in frontier for role in self._roles_in(name, request)]
            if name2 in found:
                return True
            frontier = [role for role in found if role not in seen]
            seen.update(frontier)
            if not frontier:
                break
        return False

    def get_roles(self, name: str, *domain: str) -> list[str]:
        return list(dict.fromkeys(self._roles_in(name, _one_domain(domain))))

    def get_users(self, name: str, *domain: str) -> list[str]:
        request = _one_domain(domain)
        return [user for user in self._links if name in self._roles_in(user, request)]

    def domains_of(self, name: str) -> list[str]:
        """The domains of ``name``'s own links, whatever the role."""
        return sorted({link_domain for _, link_domain in self._links.get(name, ())})

    def print_roles(self) -> None:
        """Casbin calls this after every load; listing 20,000 links is not useful."""

    def _roles_in(self, name: str, request: str) -> Iterator[str]:
        matches = self.domain_matching_func
        for role, link_domain in self._links.get(name, ()):
            if link_domain == request or (matches is not None and matches(request, link_domain)):
                yield role


class PlaceEnforcer(casbin.AsyncEnforcer):
    """``casbin.AsyncEnforcer`` that gives the matcher only the rows of the request's obj/act,
    and parses the matcher once instead of on every call."""

    _expressions: dict[tuple[Any, ...], Any] | None = None

    def _get_expression(self, expr: str, functions: Any = None) -> Any:
        """Casbin parses the matcher (``ast.parse``) on every ``enforce``, a third of a call's
        time. The functions it passes are rebuilt per call but only wrap this model's role
        managers, so one evaluator per (matcher, role managers) decides the same; the key holds
        the managers themselves, so a replaced one is never confused with its successor."""
        g = self.model["g"]  # Casbin's Policy answers None for a missing section
        managers = tuple(a.rm for a in g.values()) if g else ()
        key = (expr, managers)
        if self._expressions is None or len(self._expressions) > 16:
            self._expressions = {}
        cached = self._expressions.get(key)
        if cached is None:
            cached = self._expressions[key] = casbin.AsyncEnforcer._get_expression(expr, functions)
        return cached

    def enforce(self, *rvals: Any) -> bool:
        if len(rvals) != 4:  # an EnforceContext or a malformed request: plain Casbin
            return bool(super().enforce(*rvals))
        with self._only_rules_for(rvals[2], rvals[3]):
            return bool(super().enforce(*rvals))

    @property
    def place_roles(self) -> PlaceRoleManager:
        rm = self.get_role_manager()
        if not isinstance(rm, PlaceRoleManager):
            raise TypeError("build the enforcer with build_enforcer()")
        return rm

    @contextmanager
    def _only_rules_for(self, obj: str, act: str) -> Iterator[None]:
        assertion = self.model["p"]["p"]
        rules = assertion.policy
        i, j = assertion.tokens.index("p_obj"), assertion.tokens.index("p_act")
        assertion.policy = [rule for rule in rules if rule[i] == obj and rule[j] == act]
        try:
            yield
        finally:
            assertion.policy = rules


def build_enforcer(adapter: AsyncAdapter) -> PlaceEnforcer:
    """A new enforcer over ``model.conf`` and ``adapter`` (rules not loaded yet)."""
    enforcer = PlaceEnforcer(str(MODEL_FILE), adapter)
    enforcer.set_role_manager(PlaceRoleManager())
    enforcer.add_named_domain_matching_func("g", domain_matches)
    enforcer.build_role_links()  # points the model's g assertion at our role manager
    return enforcer


@functools.cache
def get_enforcer() -> PlaceEnforcer:
    """This process's enforcer over the database; read it, change rules through this module."""
    return build_enforcer(TortoiseAdapter())


STALE_CHECK_SECONDS = 1.0


@dataclass
class _Freshness:
    version: int = 0
    fingerprint: tuple[int, ...] | None = None
    checked_at: float = 0.0


_freshness = _Freshness()


def policy_version() -> int:
    """Bumped on every reload and every change made through this module."""
    return _freshness.version


def can(user_key: str, domain: str, obj: Resource, act: Action) -> bool:
    """May ``user_key`` ("user:<id>" or "token:<id>") do ``act`` on ``obj`` in ``domain``
    (a grid path such as "/1/5/12/", "dept:<id>", or "/" for system-wide things)?"""
    return get_enforcer().enforce(user_key, domain, obj.value, act.value)


async def reload() -> int:
    """Read every rule and assignment from the database; return the new version."""
    fingerprint = await rules_fingerprint()  # before loading: a later write stays visible
    await get_enforcer().load_policy()
    _freshness.fingerprint = fingerprint
    _freshness.version += 1
    return _freshness.version


async def reload_if_stale(*, at_most_every: float = 0.0) -> bool:
    """Reload if rules or assignments changed since the last load (e.g. in another process);
    with ``at_most_every`` seconds, skip the check when the last one is more recent."""
    now = time.monotonic()
    if _freshness.fingerprint is not None and now - _freshness.checked_at < at_most_every:
        return False
    _freshness.checked_at = now
    if await rules_fingerprint() == _freshness.fingerprint:
        return False
    await reload()
    return True


def _changed(done: bool) -> bool:
    if done:
        _freshness.version += 1
    return done


async def add_rule(role: Role, obj: Resource, act: Action) -> bool:
    """Let ``role`` do ``act`` on ``obj``; False if it already could."""
    return _changed(bool(await get_enforcer().add_policy(role.value, obj.value, act.value)))


async def remove_rule(role: Role, obj: Resource, act: Action) -> bool:
    """Stop ``role`` doing ``act`` on ``obj``; assignments are untouched."""
    return _changed(bool(await get_enforcer().remove_policy(role.value, obj.value, act.value)))

"""Telling the enforcer that policies or assignments changed (so it reloads)."""

from __future__ import annotations


async def permissions_changed() -> None:
    try:
        from permissions.enforcer import reload_enforcer
    except ImportError:  # pragma: no cover - until the enforcer lands
        return
    await reload_enforcer()

"""Telling the enforcer that policies or assignments changed (so it reloads)."""

from __future__ import annotations

from permissions.enforcer import reload


async def permissions_changed() -> None:
    """Reload this process's enforcer; other processes notice within a second."""
    await reload()

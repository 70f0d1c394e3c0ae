"""Server start-up: the policy is loaded before the first request (one load, not one per
request racing in), and what start-up built is frozen out of the garbage collector's way."""

from __future__ import annotations

import gc

from api.app import create_app
from api.settings import load_settings
from permissions.enforcer import policy_version


async def test_start_up_loads_the_policy_and_freezes_what_it_built(database_url: str) -> None:
    app = create_app(load_settings({"MINQING_DATABASE_URL": database_url}))
    version, frozen = policy_version(), gc.get_freeze_count()
    try:
        async with app.router.lifespan_context(app):
            assert policy_version() == version + 1
            assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()

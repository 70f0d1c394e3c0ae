"""The demo comes with one login per role (listed in the README)."""

from __future__ import annotations

from domain.accounts import login
from domain.demo import load_demo
from domain.demo_accounts import DEMO_PASSWORD
from domain.grants import grants_of
from models.auth import User
from permissions.enums import Role


async def test_the_demo_has_one_login_per_role_in_its_place(db: str) -> None:
    assert await load_demo()
    held = {}
    for username in ("admin", "shequ", "wangge", "weiwangge", "jumin", "chengguan"):
        user = await User.get(username=username)
        (grant,) = await grants_of(user_id=user.id)
        held[username] = grant.role
    assert held == {
        "admin": Role.ADMIN,
        "shequ": Role.COMMUNITY_CADRE,
        "wangge": Role.GRID_WORKER,
        "weiwangge": Role.MICRO_GRID_WORKER,
        "jumin": Role.RESIDENT,
        "chengguan": Role.DEPARTMENT_RESPONDER,
    }
    user, token, _ = await login(login="wangge", password=DEMO_PASSWORD)
    assert user.username == "wangge" and token.startswith("mqs_")

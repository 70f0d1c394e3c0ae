"""The sign-up transition table, hours between check-in and check-out, the last place."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.volunteering import (
    SIGN_UP_STEPS,
    cancel_sign_up,
    create_activity,
    hours_between,
    sign_up,
)
from models.enums import ListCategory, SignUpState
from models.volunteering import Activity, ActivitySignUp
from tests.support.factories import small_tree
from tests.support.people import person


def test_the_sign_up_table_walks_from_signed_up_to_verified() -> None:
    state = SignUpState.SIGNED_UP
    for step in ("check_in", "check_out", "verify"):
        sources, state = SIGN_UP_STEPS[step]
        assert len(sources) == 1
    assert state is SignUpState.VERIFIED
    assert SIGN_UP_STEPS["cancel"] == (frozenset({SignUpState.SIGNED_UP}), SignUpState.CANCELLED)
    reachable_from_verified = [
        s for s, (src, _) in SIGN_UP_STEPS.items() if SignUpState.VERIFIED in src
    ]
    assert reachable_from_verified == []


def test_hours_are_rounded_to_the_hundredth() -> None:
    start = datetime(2026, 11, 24, 9, tzinfo=UTC)
    assert hours_between(start, datetime(2026, 11, 24, 11, 20, tzinfo=UTC)) == Decimal("2.33")
    assert hours_between(start, datetime(2026, 11, 24, 9, 30, tzinfo=UTC)) == Decimal("0.50")


async def test_two_people_taking_the_last_place_at_once_exactly_one_gets_it(db: str) -> None:
    tree = await small_tree()
    start = datetime.now(UTC) + timedelta(days=1)
    activity = await create_activity(
        title="义诊",
        description="",
        category=ListCategory.HEALTH,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place=tree["north_grid"],
        capacity=1,
        team=None,
        organiser_user_id=1,
    )
    first = await person("甲", tree["north_building"])
    second = await person("乙", tree["north_building"])

    results = await asyncio.gather(
        sign_up(activity=activity, person=first, user_id=None),
        sign_up(activity=activity, person=second, user_id=None),
        return_exceptions=True,
    )

    assert sorted(type(r).__name__ for r in results) == ["ActivitySignUp", "ConflictError"]
    assert (await Activity.get(id=activity.id)).taken == 1
    assert await ActivitySignUp.all().count() == 1
    winner = next(r for r in results if isinstance(r, ActivitySignUp))
    await cancel_sign_up(winner)
    assert (await Activity.get(id=activity.id)).taken == 0

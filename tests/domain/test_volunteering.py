"""The sign-up transition table, and hours between check-in and check-out."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from domain.volunteering import SIGN_UP_STEPS, hours_between
from models.enums import SignUpState


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

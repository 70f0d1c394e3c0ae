"""One clock: whatever offset a moment arrives in (a client's UTC ``Z``, the server's own
clock), it is stored in Asia/Shanghai, so SQLite's text comparisons order moments truly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from domain.clock import moment
from domain.visits import month_of
from domain.volunteering import create_activity, not_over
from models.enums import ListCategory
from models.volunteering import Activity
from tests.support.factories import small_tree


async def make_activity(starts: datetime, ends: datetime) -> Activity:
    tree = await small_tree()
    return await create_activity(
        title="义剪",
        description="",
        category=ListCategory.HAIRCUT,
        starts_at=starts,
        ends_at=ends,
        place=tree["north_grid"],
        capacity=5,
        team=None,
        organiser_user_id=1,
    )


async def test_an_activity_over_an_hour_ago_is_not_upcoming_whatever_the_offsets(db: str) -> None:
    # given an activity that ended an hour ago, written with the Shanghai offset
    ended = moment() - timedelta(hours=1)
    activity = await make_activity(ended - timedelta(hours=2), ended)
    # when asked which activities are not over, at the same moment given in UTC
    still_on = await not_over(Activity.all(), datetime.now(UTC)).values_list("id", flat=True)
    # then it is not among them
    assert activity.id not in still_on


async def test_an_activity_ending_in_an_hour_given_in_utc_is_upcoming(db: str) -> None:
    # given an activity ending in an hour, sent by a client in UTC
    ends = datetime.now(UTC) + timedelta(hours=1)
    activity = await make_activity(ends - timedelta(hours=2), ends)
    # when asked at the server's Shanghai moment
    still_on = await not_over(Activity.all(), moment()).values_list("id", flat=True)
    # then it is among them, and an hour and a half later it is not
    assert activity.id in still_on
    later = await not_over(Activity.all(), moment() + timedelta(minutes=90)).values_list(
        "id", flat=True
    )
    assert activity.id not in later


def test_the_month_is_shanghai_s_month() -> None:
    # 17:00 UTC on 30 November is 01:00 on 1 December in Shanghai
    assert month_of(moment(datetime(2026, 11, 30, 17, 0, tzinfo=UTC))) == date(2026, 12, 1)


async def test_migration_0006_rewrites_utc_moments_into_shanghai(db: str) -> None:
    import importlib
    from types import SimpleNamespace

    from tortoise import Tortoise

    from tests.conftest import ON_POSTGRES

    if ON_POSTGRES:
        pytest.skip("timestamptz: nothing to rewrite; the migration leaves PostgreSQL alone")
    # given an activity whose end was stored in UTC by the old second clock
    ends = moment() - timedelta(hours=1)
    activity = await make_activity(ends - timedelta(hours=1), ends)
    conn = Tortoise.get_connection("default")
    utc_text = ends.astimezone(UTC).isoformat(" ")
    await conn.execute_query(
        "UPDATE activity SET ends_at = ? WHERE id = ?", [utc_text, activity.id]
    )
    # when the data migration runs
    migration = importlib.import_module("migrations.0006_moments_in_one_zone")
    await migration.rewrite_moments(None, SimpleNamespace(client=conn))
    # then the text is Shanghai's, the moment the same, and the activity is over again
    rows = await conn.execute_query_dict("SELECT ends_at FROM activity WHERE id = ?", [activity.id])
    assert rows[0]["ends_at"] == ends.isoformat(" ")
    assert rows[0]["ends_at"].endswith("+08:00")
    assert activity.id not in await not_over(Activity.all(), moment()).values_list("id", flat=True)

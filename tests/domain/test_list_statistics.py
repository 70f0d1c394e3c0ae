"""Figures per place subtree and month: needs, median days to close, hours, visits, patrols."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from domain.list_statistics import list_figures
from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, confirm_need, fulfil_need, publish_need
from domain.visits import record_visit
from domain.volunteering import check_in, check_out, create_activity, sign_up, verify_hours
from models.enums import ClaimantKind, KeyGroup, ListCategory, NeedKind
from models.lists import Need, NeedEvent
from models.patrols import Patrol
from models.volunteering import Activity
from tests.support.factories import small_tree
from tests.support.people import party_member, person

MONTH = date(2025, 3, 1)
WISH = NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "收音机")


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2025, 3, day, hour, tzinfo=UTC)


async def _closed_need(poster: object, member: object, posted: int, confirmed: int) -> None:
    need = await post_need(draft=WISH, poster=poster, actor_user_id=None)  # type: ignore[arg-type]
    await Need.filter(id=need.id).update(created_at=at(posted))
    await publish_need(need, actor_user_id=None)
    claimant = Claimant(ClaimantKind.PARTY_MEMBER, party_member=member)  # type: ignore[arg-type]
    await claim_need(need, claimant=claimant, actor_user_id=None)
    await fulfil_need(need, evidence="送到", actor_user_id=None)
    await confirm_need(need, actor_user_id=None)
    await Need.filter(id=need.id).update(confirmed_at=at(confirmed))
    await NeedEvent.filter(need_id=need.id).update(created_at=at(confirmed))


async def test_figures_of_a_community_for_a_month(db: str) -> None:
    tree = await small_tree()
    building = tree["north_building"]
    grandma = await person("王奶奶", building, tags=(KeyGroup.ELDERLY_ALONE,))
    await person("刘大爷", building, tags=(KeyGroup.HARDSHIP,))
    member = await party_member(await person("陈党员", building))
    for posted, confirmed in ((2, 4), (3, 9), (5, 6)):  # 2, 6 and 1 days: median 2
        await _closed_need(grandma, member, posted, confirmed)
    still_open = await post_need(draft=WISH, poster=grandma, actor_user_id=None)
    await Need.filter(id=still_open.id).update(created_at=at(20))
    await NeedEvent.filter(need_id=still_open.id).update(created_at=at(20))
    await post_need(
        draft=WISH, poster=await person("南", tree["south_building"]), actor_user_id=None
    )
    await record_visit(person=grandma, visitor_user_id=1, visitor_person_id=None, visited_at=at(10))
    await Patrol.create(
        grid_id=tree["north_grid"].id,
        grid_path=tree["north_grid"].path,
        covered_grid_id=tree["north_grid"].id,
        worker_user_id=1,
        started_at=at(12),
    )
    activity = await create_activity(
        title="理发",
        description="",
        category=ListCategory.HAIRCUT,
        starts_at=datetime.now(UTC) + timedelta(days=1),
        ends_at=datetime.now(UTC) + timedelta(days=1, hours=3),
        place=tree["north_grid"],
        capacity=3,
        team=None,
        organiser_user_id=1,
    )
    helpers = [await person(f"志愿者{i}", building) for i in range(2)]
    rows = [await sign_up(activity=activity, person=h, user_id=None) for h in helpers]
    await Activity.filter(id=activity.id).update(starts_at=at(28), ends_at=at(28, 12))
    for index, row in enumerate(rows):
        await check_in(row, at=at(28))
        await check_out(row, at=at(28) + timedelta(hours=2 + index))
        if index == 0:
            await verify_hours(row, hours=None, actor_user_id=1)  # the other is not verified

    figures = await list_figures(tree["north"], MONTH)

    assert (figures.needs_posted, figures.needs_claimed) == (4, 3)
    assert (figures.needs_fulfilled, figures.needs_confirmed) == (3, 3)
    assert figures.median_days_to_close == 2.0
    assert figures.volunteer_hours == Decimal("2.00")
    assert (figures.visits_due, figures.visits_missed, figures.visit_coverage) == (2, 1, 50.0)
    assert (figures.grids, figures.grids_patrolled, figures.patrol_coverage) == (1, 1, 100.0)
    street = await list_figures(tree["street"], MONTH)
    assert (street.grids, street.grids_patrolled, street.patrol_coverage) == (2, 1, 50.0)

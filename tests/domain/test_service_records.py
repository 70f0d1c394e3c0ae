"""A party member's service record: contact-household visits, claims fulfilled, activities."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, fulfil_need, publish_need
from domain.service_records import hours_by_person, service_record
from domain.visits import record_visit
from domain.volunteering import check_in, check_out, create_activity, sign_up, verify_hours
from models.enums import ClaimantKind, ListCategory, NeedKind
from models.org import PartyMemberContact
from tests.support.factories import small_tree
from tests.support.people import household, party_member, person


async def test_the_record_counts_only_what_the_member_did_for_their_households(db: str) -> None:
    tree = await small_tree()
    building = tree["north_building"]
    member = await party_member(await person("陈党员", building))
    linked, unlinked = await household(building, "1-101"), await household(building, "1-102")
    await PartyMemberContact.create(member_id=member.id, household_id=linked.id)
    grandpa = await person("张爷爷", building, household=linked)
    other = await person("邻居", building, household=unlinked)
    for visited in (grandpa, other):
        await record_visit(person=visited, visitor_user_id=1, visitor_person_id=member.person_id)
    await record_visit(person=grandpa, visitor_user_id=2, visitor_person_id=None)  # not by them
    need = await post_need(
        draft=NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "棉被"),
        poster=grandpa,
        actor_user_id=None,
    )
    await publish_need(need, actor_user_id=None)
    await claim_need(
        need, claimant=Claimant(ClaimantKind.PARTY_MEMBER, party_member=member), actor_user_id=None
    )
    await fulfil_need(need, evidence="送到", actor_user_id=None)
    start = datetime.now(UTC) + timedelta(days=1)
    activity = await create_activity(
        title="清扫楼道",
        description="",
        category=ListCategory.CLEANING,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        place=tree["north_grid"],
        capacity=5,
        team=None,
        organiser_user_id=1,
    )
    row = await sign_up(activity=activity, person=await member.person, user_id=None)
    await check_in(row, at=start)
    await check_out(row, at=start + timedelta(hours=1, minutes=30))
    await verify_hours(row, hours=None, actor_user_id=1)

    record = service_record(member)

    assert await record.contact_visits.count() == 1
    assert await record.claims_fulfilled.count() == 1
    assert await record.activities.count() == 1
    hours = await hours_by_person(tree["north"].path)
    assert [(h.person_id, h.hours) for h in hours] == [(member.person_id, Decimal("1.50"))]

"""The need workflow: its transition table, the version lock, and releasing stale claims."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from domain.clock import moment as now
from domain.errors import ConflictError, InvalidTransitionError
from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import (
    Claimant,
    claim_need,
    confirm_need,
    fulfil_need,
    publish_need,
    release_expired_claims,
)
from domain.needs.workflow import TRANSITIONS, allowed_actions
from models.enums import ClaimantKind, ListCategory, NeedAction, NeedKind, NeedState
from models.lists import Need, NeedEvent
from tests.support.factories import small_tree
from tests.support.people import party_member, person

WISH = NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "一台收音机", "想听戏")


def test_the_transition_table_walks_from_posted_to_confirmed() -> None:
    state = NeedState.POSTED
    path = []
    for action in (NeedAction.PUBLISH, NeedAction.CLAIM, NeedAction.FULFIL, NeedAction.CONFIRM):
        sources, state = TRANSITIONS[action][0], TRANSITIONS[action][1]
        path.append(state)
        assert sources
    assert path == [
        NeedState.PUBLISHED,
        NeedState.CLAIMED,
        NeedState.FULFILLED,
        NeedState.CONFIRMED,
    ]
    assert allowed_actions(NeedState.CLAIMED) == ["release", "fulfil"]
    assert allowed_actions(NeedState.CONFIRMED) == []
    assert allowed_actions(NeedState.REJECTED) == []


async def _published_wish() -> tuple[Need, Claimant, Claimant]:
    tree = await small_tree()
    grandma = await person("王奶奶", tree["north_building"])
    need = await post_need(draft=WISH, poster=grandma, actor_user_id=None)
    await publish_need(need, actor_user_id=None)
    first = await party_member(await person("党员甲", tree["north_building"]))
    second = await party_member(await person("党员乙", tree["north_building"]))
    return (
        need,
        Claimant(ClaimantKind.PARTY_MEMBER, party_member=first),
        Claimant(ClaimantKind.PARTY_MEMBER, party_member=second),
    )


async def test_each_step_writes_one_history_row(db: str) -> None:
    need, claimant, _ = await _published_wish()
    await claim_need(need, claimant=claimant, actor_user_id=None)
    await fulfil_need(need, evidence="已送到家", actor_user_id=None)
    await confirm_need(need, actor_user_id=None)
    events = await NeedEvent.filter(need_id=need.id).order_by("id")
    assert [(e.action, e.from_state, e.to_state) for e in events] == [
        (NeedAction.POST, None, NeedState.POSTED),
        (NeedAction.PUBLISH, NeedState.POSTED, NeedState.PUBLISHED),
        (NeedAction.CLAIM, NeedState.PUBLISHED, NeedState.CLAIMED),
        (NeedAction.FULFIL, NeedState.CLAIMED, NeedState.FULFILLED),
        (NeedAction.CONFIRM, NeedState.FULFILLED, NeedState.CONFIRMED),
    ]
    stored = await Need.get(id=need.id)
    assert (stored.state, stored.version, stored.evidence) == (NeedState.CONFIRMED, 5, "已送到家")


async def test_two_claims_at_the_same_moment_exactly_one_wins(db: str) -> None:
    need, first, second = await _published_wish()
    copy_a, copy_b = await Need.get(id=need.id), await Need.get(id=need.id)

    results = await asyncio.gather(
        claim_need(copy_a, claimant=first, actor_user_id=None),
        claim_need(copy_b, claimant=second, actor_user_id=None),
        return_exceptions=True,
    )

    assert sorted(type(r).__name__ for r in results) == ["ConflictError", "Need"]
    stored = await Need.get(id=need.id)
    assert stored.state is NeedState.CLAIMED
    assert stored.claimant_party_member_id == first.party_member.id  # type: ignore[union-attr]
    assert await NeedEvent.filter(need_id=need.id, action=NeedAction.CLAIM).count() == 1


async def test_claiming_a_claimed_need_is_an_invalid_transition(db: str) -> None:
    need, first, second = await _published_wish()
    await claim_need(need, claimant=first, actor_user_id=None)
    with pytest.raises(InvalidTransitionError) as caught:
        await claim_need(need, claimant=second, actor_user_id=None)
    assert caught.value.state == "claimed"


async def test_a_stale_copy_cannot_overwrite_a_newer_state(db: str) -> None:
    need, first, _ = await _published_wish()
    stale = await Need.get(id=need.id)
    await claim_need(need, claimant=first, actor_user_id=None)
    await fulfil_need(need, evidence="送到", actor_user_id=None)
    stale.state = NeedState.PUBLISHED
    with pytest.raises(ConflictError):
        await claim_need(stale, claimant=first, actor_user_id=None)


async def test_an_expired_claim_is_released_once(db: str) -> None:
    need, first, _ = await _published_wish()
    await claim_need(need, claimant=first, actor_user_id=None, days=3, at=now() - timedelta(days=4))

    assert await release_expired_claims() == 1
    assert await release_expired_claims() == 0

    stored = await Need.get(id=need.id)
    assert (stored.state, stored.claimant_kind, stored.claim_deadline) == (
        NeedState.PUBLISHED,
        None,
        None,
    )
    last = await NeedEvent.filter(need_id=need.id).order_by("-id").first()
    assert last is not None
    assert (last.action, last.actor_user_id, last.note) == (
        NeedAction.RELEASE,
        None,
        "Claim deadline passed",
    )


async def test_a_need_follows_its_place_when_the_grid_moves(db: str) -> None:
    from domain.grid import move_grid_node, rename_grid_node

    tree = await small_tree()
    need = await post_need(
        draft=WISH, poster=await person("王奶奶", tree["north_building"]), actor_user_id=None
    )
    await rename_grid_node(node=tree["north_grid"], name="第九网格")
    await move_grid_node(node=tree["north_grid"], new_parent=tree["south"])

    stored = await Need.get(id=need.id)
    assert (
        stored.place_path
        == f"{tree['south'].path}{tree['north_grid'].id}/{tree['north_building'].id}/"
    )

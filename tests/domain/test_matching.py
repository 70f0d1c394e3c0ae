"""Matching on a hand-built community where the right answer is known."""

from __future__ import annotations

from datetime import date

from domain.grid import create_grid_node
from domain.matching import SuggestionKind, needs_for_resource, suggestions_for_need, tree_distance
from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import publish_need
from models.enums import GridLevel, ListCategory, NeedKind, ProviderKind
from models.grid import GridNode
from models.lists import ResourceOffer, ServiceOffer
from tests.support.people import person, unit, volunteer

TODAY = date(2026, 11, 21)


async def _community() -> dict[str, GridNode]:
    street = await create_grid_node(name="云阳街道", level=GridLevel.STREET, parent=None)
    community = await create_grid_node(name="振兴路社区", level=GridLevel.COMMUNITY, parent=street)
    grid_a = await create_grid_node(name="第一网格", level=GridLevel.GRID, parent=community)
    grid_b = await create_grid_node(name="第二网格", level=GridLevel.GRID, parent=community)
    a1 = await create_grid_node(name="1栋", level=GridLevel.BUILDING, parent=grid_a)
    a2 = await create_grid_node(name="2栋", level=GridLevel.BUILDING, parent=grid_a)
    b1 = await create_grid_node(name="5栋", level=GridLevel.BUILDING, parent=grid_b)
    other = await create_grid_node(name="远方社区", level=GridLevel.COMMUNITY, parent=street)
    far = await create_grid_node(name="远方网格", level=GridLevel.GRID, parent=other)
    return {
        "community": community,
        "grid_a": grid_a,
        "grid_b": grid_b,
        "a1": a1,
        "a2": a2,
        "b1": b1,
        "far": far,
    }


async def _offer(title: str, place: GridNode, category: ListCategory, **extra: object) -> int:
    provider = await unit(f"{title}单位", place)
    row = await ResourceOffer.create(
        provider_kind=ProviderKind.CO_BUILDING_UNIT,
        unit_id=provider.id,
        title=title,
        category=category,
        place_id=place.id,
        place_path=place.path,
        is_published=extra.pop("is_published", True),
        **extra,
    )
    return row.id


def test_tree_distance_counts_edges_through_the_common_ancestor() -> None:
    assert tree_distance("/1/2/3/", "/1/2/3/") == 0
    assert tree_distance("/1/2/3/", "/1/2/") == 1
    assert tree_distance("/1/2/3/", "/1/4/5/") == 4


async def test_given_a_repair_need_then_the_nearest_available_helpers_come_first(db: str) -> None:
    t = await _community()
    grandma = await person("王奶奶", t["a1"])
    need = await post_need(
        draft=NeedDraft(NeedKind.MICRO_WISH, ListCategory.REPAIR, "修水龙头"),
        poster=grandma,
        actor_user_id=None,
    )
    grid_offer = await _offer("物业维修", t["grid_a"], ListCategory.REPAIR, capacity=2)
    community_offer = await _offer("电器厂上门", t["community"], ListCategory.REPAIR, capacity=9)
    later = await _offer(
        "下月才有", t["grid_a"], ListCategory.REPAIR, available_from=date(2026, 12, 1)
    )
    await _offer("已过期", t["grid_a"], ListCategory.REPAIR, available_until=date(2026, 11, 1))
    await _offer("理发", t["grid_a"], ListCategory.HAIRCUT)
    await _offer("未公示", t["grid_a"], ListCategory.REPAIR, is_published=False)
    await _offer("没容量", t["grid_a"], ListCategory.REPAIR, capacity=0)
    await _offer("外社区", t["far"], ListCategory.REPAIR)
    service = await ServiceOffer.create(
        title="社区便民维修",
        category=ListCategory.REPAIR,
        schedule="每周二上午",
        place_id=t["community"].id,
        place_path=t["community"].path,
        is_published=True,
    )
    neighbour = await volunteer(
        await person("李师傅", t["a1"]), "水电", "理发", availability="周末"
    )
    await volunteer(await person("张同学", t["a2"]), "辅导")
    across = await volunteer(await person("赵师傅", t["b1"]), "维修")

    found = await suggestions_for_need(need, today=TODAY)

    assert [(s.kind, s.target_id, s.distance) for s in found] == [
        (SuggestionKind.VOLUNTEER, neighbour.id, 0),
        (SuggestionKind.RESOURCE, grid_offer, 1),
        (SuggestionKind.RESOURCE, later, 1),
        (SuggestionKind.RESOURCE, community_offer, 2),
        (SuggestionKind.SERVICE, service.id, 2),
        (SuggestionKind.VOLUNTEER, across.id, 4),
    ]
    assert found[0].reasons == (
        "skill 水电",
        "lives in this very place",
        "0 open claim(s)",
        "available 周末",
    )
    assert found[1].reasons == (
        "same category (repair)",
        "serves this place (1 levels up)",
        "available now",
        "capacity 2",
    )
    assert found[2].reasons[2] == "available from 2026-12-01"
    assert found[4].reasons == (
        "same category (repair)",
        "serves this place (2 levels up)",
        "given 每周二上午",
    )


async def test_given_a_resource_then_the_published_needs_in_its_places_are_listed_nearest_first(
    db: str,
) -> None:
    t = await _community()
    draft = NeedDraft(NeedKind.NEED, ListCategory.REPAIR, "修门")
    in_grid = await post_need(
        draft=draft, poster=await person("甲", t["grid_a"]), actor_user_id=None
    )
    in_building = await post_need(
        draft=draft, poster=await person("乙", t["a1"]), actor_user_id=None
    )
    unpublished = await post_need(
        draft=draft, poster=await person("丙", t["a2"]), actor_user_id=None
    )
    elsewhere = await post_need(draft=draft, poster=await person("丁", t["b1"]), actor_user_id=None)
    other_kind = await post_need(
        draft=NeedDraft(NeedKind.NEED, ListCategory.LEGAL, "咨询"),
        poster=await person("戊", t["a1"]),
        actor_user_id=None,
    )
    for need in (in_grid, in_building, elsewhere, other_kind):
        await publish_need(need, actor_user_id=None)
    offer = await ResourceOffer.get(id=await _offer("物业维修", t["grid_a"], ListCategory.REPAIR))

    found = await needs_for_resource(offer, today=TODAY)

    assert [(s.target_id, s.distance) for s in found] == [(in_grid.id, 0), (in_building.id, 1)]
    assert unpublished.id not in [s.target_id for s in found]
    assert found[1].reasons[:2] == ("same category (repair)", "serves this place (1 levels up)")

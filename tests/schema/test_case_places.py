"""A case's place columns (path and ancestors) decide who sees it: they follow its place
when the grid moves, and a page of a community's cases is read in id order from an index."""

from __future__ import annotations

from domain.grid import move_grid_node, rename_grid_node
from models.cases import Case, place_columns
from tests.plans.explain import plan
from tests.support.cases import build_world, submit
from tests.support.graphql import GraphQLClient
from tests.support.sql_capture import captured_sql

LIST = "{ cases { totalCount nodes { title } } }"


def test_place_columns_copy_the_ancestors_at_the_indexed_depths() -> None:
    assert place_columns("/1/") == {
        "place_path": "/1/",
        "place_depth0_id": 1,
        "place_depth1_id": None,
        "place_depth2_id": None,
    }
    assert place_columns("/1/2/3/4/")["place_depth2_id"] == 3


async def test_cases_follow_their_place_when_its_grid_moves(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    case = await submit(world)  # in the north building, under the north grid
    tree = world.tree
    north = await world.as_("cadre").data(LIST)
    assert [n["title"] for n in north["cases"]["nodes"]] == [case["title"]]

    await rename_grid_node(node=tree["north_grid"], name="第九网格")  # the south has a 第一网格
    await move_grid_node(node=tree["north_grid"], new_parent=tree["south"])

    stored = await Case.get(place_id=tree["north_building"].id)
    assert stored.place_path == f"{tree['south'].path}{tree['north_grid'].id}/" + (
        f"{tree['north_building'].id}/"
    )
    assert (stored.place_depth1_id, stored.place_depth2_id) == (
        tree["south"].id,
        tree["north_grid"].id,
    )
    assert (await world.as_("cadre").data(LIST))["cases"]["totalCount"] == 0
    street = await world.as_("street_cadre").data(LIST)
    assert street["cases"]["totalCount"] == 1


async def test_a_community_page_walks_an_index_in_id_order(gql: GraphQLClient) -> None:
    """The cadre sees the community's cases and the ones they reported themself: each part
    is paged on its own index, none is collected and sorted."""
    world = await build_world(gql)
    await submit(world)
    client = world.as_("cadre")
    await client.data(LIST)
    with captured_sql() as captured:
        await client.data("{ cases(first: 20) { nodes { title } } }")
    pages = [s for s in captured.selects if 'FROM "case_item"' in s.sql and "LIMIT" in s.sql]
    assert len(pages) == 3  # the community, the cases they reported, the ones merged into those
    assert any('"place_depth1_id"=' in page.sql.replace(" ", "") for page in pages)
    for page in pages:
        if '"merged_into_id"' in page.sql.partition(" WHERE ")[2]:
            continue  # the originals one's duplicates were merged into: a handful, sorting is fine
        lines = " ".join(await plan(page))
        assert "TEMP B-TREE" not in lines.upper() and "Sort" not in lines, (page.sql, lines)

"""The per-process STRtree of boundaries: rebuilt at once after an import in this process, and
within a second after another process's import."""

from __future__ import annotations

from domain.boundaries import lookup
from domain.boundaries.importing import import_boundaries
from models.grid import BoundaryImport, PlaceBoundary
from tests.support.factories import small_tree
from tests.support.geojson import GRID_ONE, GRID_TWO, collection, feature, rectangle


async def test_a_re_import_is_seen_by_the_next_lookup_in_this_process(db: str) -> None:
    tree = await small_tree()
    north_grid = tree["north_grid"]
    await import_boundaries(
        text=collection(feature(rectangle(GRID_ONE), placeId=str(north_grid.id))), actor_id=None
    )
    first = await lookup.place_at(32.05, 118.72)
    builds = lookup.builds()

    await import_boundaries(
        text=collection(feature(rectangle(GRID_TWO), placeId=str(north_grid.id))), actor_id=None
    )

    assert first is not None and first.id == north_grid.id
    assert await lookup.place_at(32.05, 118.72) is None
    found = await lookup.place_at(32.05, 118.77)
    assert found is not None and found.id == north_grid.id
    assert lookup.builds() == builds + 1


async def test_another_process_import_is_seen_after_the_next_check(db: str) -> None:
    tree = await small_tree()
    north_grid = tree["north_grid"]
    await import_boundaries(
        text=collection(feature(rectangle(GRID_ONE), placeId=str(north_grid.id))), actor_id=None
    )
    assert await lookup.place_at(32.05, 118.72) is not None

    # what another worker process's import leaves in the database, behind this one's back
    record = await BoundaryImport.create(features=1, sha256="0" * 64)
    await PlaceBoundary.filter(place_id=north_grid.id).update(
        geometry=rectangle(GRID_TWO),
        min_longitude=118.75,
        max_longitude=118.80,
        source_id=record.id,
    )
    cached = await lookup.place_at(32.05, 118.72)  # checked less than a second ago
    lookup._checked_at -= lookup.STALE_CHECK_SECONDS  # a second later

    assert cached is not None
    assert await lookup.place_at(32.05, 118.72) is None
    moved = await lookup.place_at(32.05, 118.77)
    assert moved is not None and moved.id == north_grid.id


async def test_a_merged_away_place_is_never_the_answer(db: str) -> None:
    from domain.grid import merge_grid_nodes, rename_grid_node

    tree = await small_tree()
    await import_boundaries(
        text=collection(
            feature(rectangle((118.70, 32.00, 118.80, 32.10)), placeId=str(tree["north"].id)),
            feature(rectangle(GRID_ONE), placeId=str(tree["north_grid"].id)),
        ),
        actor_id=None,
    )
    await rename_grid_node(node=tree["north_grid"], name="第九网格")  # the south has a 第一网格
    await merge_grid_nodes(sources=[tree["north"]], target=tree["south"])

    found = await lookup.place_at(32.05, 118.72)

    assert found is not None and found.id == tree["north_grid"].id  # moved with its subtree
    assert await lookup.place_at(32.09, 118.72) is None  # only the merged-away community


async def test_a_multipolygon_with_a_hole_holds_its_parts_but_not_the_hole(db: str) -> None:
    tree = await small_tree()
    outer = [[118.70, 32.00], [118.75, 32.00], [118.75, 32.08], [118.70, 32.08], [118.70, 32.00]]
    hole = [[118.71, 32.01], [118.72, 32.01], [118.72, 32.02], [118.71, 32.02], [118.71, 32.01]]
    island = rectangle((118.90, 32.00, 118.95, 32.05))["coordinates"]
    geometry = {"type": "MultiPolygon", "coordinates": [[outer, hole], island]}
    await import_boundaries(
        text=collection(feature(geometry, placeId=str(tree["north_grid"].id))), actor_id=None
    )

    in_part, in_island = await lookup.place_at(32.05, 118.72), await lookup.place_at(32.02, 118.92)

    assert in_part is not None and in_part.id == tree["north_grid"].id
    assert in_island is not None and in_island.id == tree["north_grid"].id
    assert await lookup.place_at(32.015, 118.715) is None  # in the hole

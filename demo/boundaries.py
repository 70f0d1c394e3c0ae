"""The demo's grid boundaries: made-up GCJ-02 rectangles where the articles put the two
communities (Danyang, Jiangsu and Kunming's 新亚洲体育城), loaded through the real importer
(``import_boundaries``, as ``importBoundaries`` and ``minqing boundaries import`` do).

Siblings share edges and never overlap; each child lies inside its parent; a building covers a
corner of its grid, so most of a grid's area answers the grid itself. ``GRID_ONE_POINT`` lies in
第一网格 outside its buildings; each demo case carries a point of its own place (``point_in``).
"""

from __future__ import annotations

from typing import Any

import orjson

from domain.boundaries.importing import import_boundaries
from models.grid import GridNode, PlaceBoundary

# (west, south, east, north) in GCJ-02 degrees.
Box = tuple[float, float, float, float]

# 云阳街道 › 振兴路社区, Danyang: two estates side by side, each two grids (south, north).
ZHENXING: dict[tuple[str, str | None], Box] = {
    ("云阳街道", None): (119.550, 31.985, 119.590, 32.015),
    ("振兴路社区", "云阳街道"): (119.560, 31.995, 119.580, 32.005),
    ("振兴花园", "振兴路社区"): (119.560, 31.995, 119.570, 32.005),
    ("阳光小区", "振兴路社区"): (119.570, 31.995, 119.580, 32.005),
    ("第一网格", "振兴花园"): (119.560, 31.995, 119.570, 32.000),
    ("第二网格", "振兴花园"): (119.560, 32.000, 119.570, 32.005),
    ("第三网格", "阳光小区"): (119.570, 31.995, 119.580, 32.000),
    ("第四网格", "阳光小区"): (119.570, 32.000, 119.580, 32.005),
}
# Two buildings per grid (1栋 and 2栋 in 第一网格, …), in the grid's south-west corner.
ZHENXING_GRIDS = ("第一网格", "第二网格", "第三网格", "第四网格")
for _n, _grid in enumerate(ZHENXING_GRIDS):
    _west, _south = ZHENXING[(_grid, "振兴花园" if _n < 2 else "阳光小区")][:2]
    for _k in range(2):
        _left = round(_west + 0.001 + 0.0015 * _k, 4)
        ZHENXING[(f"{2 * _n + _k + 1}栋", _grid)] = (
            _left,
            round(_south + 0.001, 4),
            round(_left + 0.001, 4),
            round(_south + 0.0016, 4),
        )

# 新亚洲体育城社区, Kunming: four areas (quarters), their grids strips from west to east.
KUNMING: dict[tuple[str, str | None], Box] = {
    ("新亚洲体育城社区", None): (102.760, 24.990, 102.780, 25.010),
}
_grid_no = 1
for _area_no, (_box, _grids) in enumerate(
    (
        ((102.760, 24.990, 102.770, 25.000), 2),
        ((102.770, 24.990, 102.780, 25.000), 2),
        ((102.760, 25.000, 102.770, 25.010), 2),
        ((102.770, 25.000, 102.780, 25.010), 3),
    ),
    start=1,
):
    KUNMING[(f"第{_area_no}片区", "新亚洲体育城社区")] = _box
    _width = (_box[2] - _box[0]) / _grids
    for _k in range(_grids):
        KUNMING[(f"第{_grid_no}网格", f"第{_area_no}片区")] = (
            round(_box[0] + _width * _k, 6),
            _box[1],
            round(_box[0] + _width * (_k + 1), 6),
            _box[3],
        )
        _grid_no += 1

# (latitude, longitude): in 第一网格, in none of its buildings — try it with ``placeAt``.
GRID_ONE_POINT = (31.998, 119.566)


def point_in(name: str, k: int = 0) -> tuple[float, float]:
    """A (latitude, longitude) inside 振兴路社区's place ``name`` (outside its buildings for a
    grid), the ``k``-th of a few spread over it so the demo's cases do not pile up."""
    west, south, east, north = next(box for (n, _), box in ZHENXING.items() if n == name)
    if name.endswith("栋"):
        return (
            round(south + (north - south) * (0.25 + 0.1 * (k % 6)), 6),
            round(west + (east - west) * (0.25 + 0.1 * (k // 6 % 6)), 6),
        )
    # Grids: the eastern half, above the buildings' corner.
    return (
        round(south + (north - south) * (0.4 + 0.08 * (k % 6)), 6),
        round(west + (east - west) * (0.55 + 0.07 * (k // 6 % 6)), 6),
    )


def _collection(boxes: dict[tuple[str, str | None], Box]) -> str:
    features: list[dict[str, Any]] = []
    for (name, parent), (west, south, east, north) in boxes.items():
        ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
        properties = {"name": name} if parent is None else {"name": name, "parent": parent}
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return orjson.dumps({"type": "FeatureCollection", "features": features}).decode()


ZHENXING_GEOJSON = _collection(ZHENXING)
KUNMING_GEOJSON = _collection(KUNMING)


async def load_boundaries(street: GridNode, kunming: GridNode) -> None:
    """Import both communities' boundaries, each file's names looked up in its own subtree."""
    for text, within in ((ZHENXING_GEOJSON, street), (KUNMING_GEOJSON, kunming)):
        if not await PlaceBoundary.filter(place_id=within.id).exists():
            await import_boundaries(text=text, actor_id=None, within=within)

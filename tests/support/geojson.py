"""GeoJSON made in the tests: rectangles in GCJ-02 [longitude, latitude], as features."""

from __future__ import annotations

import json
from typing import Any

# 振兴路社区 (north): 118.70–118.80 E, 32.00–32.10 N; its two grids split its southern part;
# the building sits in the first grid.
NORTH = (118.70, 32.00, 118.80, 32.10)
GRID_ONE = (118.70, 32.00, 118.75, 32.08)
GRID_TWO = (118.75, 32.00, 118.80, 32.08)
BUILDING = (118.71, 32.01, 118.72, 32.02)


def rectangle(box: tuple[float, float, float, float]) -> dict[str, Any]:
    west, south, east, north = box
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def feature(geometry: dict[str, Any], **properties: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features: dict[str, Any], **members: Any) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features), **members})

"""Which place contains a point: an STRtree of every boundary, kept per process.

The index is rebuilt when boundaries change: at once in the process that imported them
(``forget()``), and in every other worker process within ``STALE_CHECK_SECONDS``, by comparing
the largest ``BoundaryImport`` id and the number of boundaries (imports are only ever added, so
the pair moves with every import) — the same once-a-second check the Casbin enforcer makes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import orjson
import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from domain.error_codes import InputErrorCode
from domain.errors import FieldError, ValidationFailedError
from models.grid import BoundaryImport, GridNode, PlaceBoundary

STALE_CHECK_SECONDS = 1.0


@dataclass
class MapIndex:
    """Every boundary as a shapely geometry in one STRtree, with its place and area."""

    fingerprint: tuple[int, int] | None = None
    tree: STRtree | None = None
    place_ids: list[int] = field(default_factory=list)
    areas: list[float] = field(default_factory=list)
    builds: int = 0  # how many times this process built it (the tests watch it)


_index = MapIndex()
_checked_at = 0.0


def forget() -> None:
    """Rebuild at the next lookup (this process changed the boundaries)."""
    global _checked_at
    _index.fingerprint = None
    _checked_at = 0.0


def builds() -> int:
    return _index.builds


async def _fingerprint() -> tuple[int, int]:
    last: Any = await BoundaryImport.all().order_by("-id").limit(1).values_list("id", flat=True)
    return (last[0] if last else 0, await PlaceBoundary.all().count())


async def current_index() -> MapIndex:
    """The index, checked against the database at most once per ``STALE_CHECK_SECONDS``."""
    global _checked_at
    now = time.monotonic()
    if _index.fingerprint is not None and now - _checked_at < STALE_CHECK_SECONDS:
        return _index
    _checked_at = now
    fingerprint = await _fingerprint()
    if fingerprint == _index.fingerprint:
        return _index
    rows = await PlaceBoundary.all().order_by("id").values_list("place_id", "geometry", "area_m2")
    geometries = [shape(_decoded(geometry)) for _, geometry, _ in rows]
    shapely.prepare(geometries)
    _index.tree = STRtree(geometries) if geometries else None
    _index.place_ids = [place_id for place_id, _, _ in rows]
    _index.areas = [area for _, _, area in rows]
    _index.fingerprint = fingerprint
    _index.builds += 1
    return _index


def _decoded(geometry: Any) -> Any:
    """A stored geometry, whether the driver hands it over as text or decoded."""
    return orjson.loads(geometry) if isinstance(geometry, str | bytes) else geometry


def check_coordinates(latitude: float, longitude: float) -> None:
    """Latitude −90…90 and longitude −180…180, or ``ValidationFailedError``."""
    errors = []
    if not -90 <= latitude <= 90:
        errors.append(FieldError("latitude", "Between -90 and 90", InputErrorCode.OUT_OF_RANGE))
    if not -180 <= longitude <= 180:
        errors.append(FieldError("longitude", "Between -180 and 180", InputErrorCode.OUT_OF_RANGE))
    if errors:
        raise ValidationFailedError(errors)


async def place_at(latitude: float, longitude: float) -> GridNode | None:
    """The smallest active place whose boundary contains the GCJ-02 point (its edge counts)."""
    check_coordinates(latitude, longitude)
    index = await current_index()
    if index.tree is None:
        return None
    hits = index.tree.query(Point(longitude, latitude), predicate="intersects")
    ranked = sorted((index.areas[i], index.place_ids[i]) for i in hits.tolist())
    if not ranked:
        return None
    active = {
        row.id: row
        for row in await GridNode.filter(id__in=[pk for _, pk in ranked], is_active=True)
    }
    for _, pk in ranked:
        if pk in active:
            return active[pk]
    return None

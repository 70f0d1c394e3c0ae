"""Reading a GeoJSON FeatureCollection of boundaries: every feature checked, every problem kept.

Coordinates are GCJ-02 (what Gaode, Tencent and WeChat's map SDKs give) or WGS-84, as
``[longitude, latitude]``; they are stored as given, never converted. Nothing here touches the
database: ``domain.boundaries.importing`` matches the features to places and writes them.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

import orjson
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import explain_validity

from domain.error_codes import BoundaryErrorCode, FieldErrorCode, InputErrorCode

# A street's places with detailed outlines (400 polygons of a few hundred vertices, at the 6
# decimals map SDKs give) are 2–5 MB. 10 MiB is twice that, and reading and checking it takes
# under a second here (400 polygons of 1,100 vertices), well inside the request time limit; a
# larger district imports in several files, since an import replaces only the places it names.
MAX_GEOJSON_BYTES = 10 * 1024 * 1024

# Names of lon/lat systems the `crs` member (GeoJSON 2008) may give. EPSG:4326 is listed because
# GeoJSON writers use it for lon/lat order in practice; GCJ-02 has no EPSG code.
ACCEPTED_CRS = frozenset(
    {
        "urn:ogc:def:crs:ogc:1.3:crs84",
        "urn:ogc:def:crs:ogc::crs84",
        "crs84",
        "epsg:4326",
        "urn:ogc:def:crs:epsg::4326",
        "wgs84",
        "wgs-84",
        "gcj-02",
        "gcj02",
    }
)
POLYGONAL = ("Polygon", "MultiPolygon")
METRES_PER_DEGREE_LATITUDE = 110_574.0
METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320.0


@dataclass(frozen=True)
class Problem:
    """What is wrong with one feature (``feature``: its index) or with the whole file (None)."""

    feature: int | None
    code: FieldErrorCode
    message: str

    @property
    def field(self) -> str:
        return "geoJson" if self.feature is None else f"geoJson.features.{self.feature}"


@dataclass
class Feature:
    """A feature whose geometry is a valid polygon, and how it names its place."""

    index: int
    geometry: dict[str, Any]
    shape: BaseGeometry
    place_id: str | None = None
    name: str | None = None
    parent_name: str | None = None
    bounds: tuple[float, float, float, float] = field(default=(0.0, 0.0, 0.0, 0.0))

    @property
    def area_m2(self) -> float:
        return area_m2(self.shape)


def area_m2(geometry: BaseGeometry) -> float:
    """The area in square metres, good to a fraction of a percent at a street's size."""
    latitude = geometry.centroid.y if not geometry.is_empty else 0.0
    per_degree = METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * math.cos(math.radians(latitude))
    return float(geometry.area) * per_degree * METRES_PER_DEGREE_LATITUDE


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def read_collection(text: str) -> tuple[list[Feature], list[Problem]]:
    """The features of ``text`` that are fine so far, and every problem found."""
    size = len(text.encode())
    if size > MAX_GEOJSON_BYTES:
        return [], [
            Problem(
                None,
                InputErrorCode.TOO_LONG,
                f"The GeoJSON is {size:,} bytes; at most {MAX_GEOJSON_BYTES:,} (split the file)",
            )
        ]
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return [], [Problem(None, BoundaryErrorCode.BAD_GEOJSON, f"Not JSON: {error}")]
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return [], [Problem(None, BoundaryErrorCode.BAD_GEOJSON, "Not a FeatureCollection")]
    crs_problem = _crs_problem(data, None)
    if crs_problem is not None:
        return [], [crs_problem]
    raw = data.get("features")
    if not isinstance(raw, list) or not raw:
        return [], [Problem(None, BoundaryErrorCode.BAD_GEOJSON, "`features` is empty")]
    features: list[Feature] = []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        found = _read_feature(index, item)
        if isinstance(found, Problem):
            problems.append(found)
        else:
            features.append(found)
    return features, problems


def _crs_problem(member_of: dict[str, Any], index: int | None) -> Problem | None:
    crs = member_of.get("crs")
    if crs is None:
        return None
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    properties = crs.get("properties") if isinstance(crs, dict) else None
    if not isinstance(properties, dict) or not isinstance(name, str):
        return Problem(index, BoundaryErrorCode.BAD_CRS, "`crs` names no coordinate system")
    if name.strip().lower() in ACCEPTED_CRS:
        return None
    return Problem(
        index,
        BoundaryErrorCode.BAD_CRS,
        f"Coordinates in {name!r}; give GCJ-02 or WGS-84 longitude/latitude "
        "(convert Baidu's BD-09 and projected metres first)",
    )


def _read_feature(index: int, item: Any) -> Feature | Problem:
    if not isinstance(item, dict) or item.get("type") != "Feature":
        return Problem(index, BoundaryErrorCode.BAD_GEOJSON, "Not a Feature")
    crs_problem = _crs_problem(item, index)
    if crs_problem is not None:
        return crs_problem
    properties = item.get("properties") or {}
    if not isinstance(properties, dict):
        return Problem(index, BoundaryErrorCode.BAD_GEOJSON, "`properties` is not an object")
    geometry = item.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGONAL:
        return Problem(index, BoundaryErrorCode.BAD_GEOMETRY, "Not a Polygon or MultiPolygon")
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    problem = _positions_problem(index, polygons)
    if problem is not None:
        return problem
    clean = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
    polygon = shape(clean)
    if not polygon.is_valid:
        reason = explain_validity(polygon)
        code = (
            BoundaryErrorCode.SELF_INTERSECTING
            if "Self-intersection" in reason
            else BoundaryErrorCode.BAD_GEOMETRY
        )
        return Problem(index, code, f"Invalid polygon: {reason}")
    if polygon.is_empty or polygon.area == 0:
        return Problem(index, BoundaryErrorCode.BAD_GEOMETRY, "The polygon has no area")
    return Feature(
        index=index,
        geometry=clean,
        shape=polygon,
        place_id=_text(properties.get("placeId")),
        name=_text(properties.get("name")),
        parent_name=_text(properties.get("parent")),
        bounds=tuple(float(b) for b in polygon.bounds),  # type: ignore[arg-type]
    )


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = str(value).strip() if isinstance(value, str | int) else None
    return text or None


def _positions_problem(index: int, polygons: Any) -> Problem | None:
    """Polygons of rings of ``[longitude, latitude]`` positions, each ring closed."""

    def bad(message: str, code: FieldErrorCode = BoundaryErrorCode.BAD_GEOMETRY) -> Problem:
        return Problem(index, code, message)

    if not isinstance(polygons, list) or not polygons:
        return bad("No polygon")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return bad("A polygon without rings")
        for ring in polygon:
            if not isinstance(ring, list) or len(ring) < 4:
                return bad("A ring needs at least 4 positions")
            for position in ring:
                if (
                    not isinstance(position, list)
                    or not 2 <= len(position) <= 3
                    or not all(_is_number(c) for c in position)
                ):
                    return bad("A position is not [longitude, latitude]")
                longitude, latitude = position[0], position[1]
                if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
                    return bad(
                        f"[{longitude}, {latitude}] is outside longitude −180…180, "
                        "latitude −90…90 (GeoJSON puts longitude first)",
                        InputErrorCode.OUT_OF_RANGE,
                    )
            if ring[0][:2] != ring[-1][:2]:
                return bad("A ring does not end where it starts")
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)

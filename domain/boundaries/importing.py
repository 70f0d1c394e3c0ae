"""import_boundaries: a GeoJSON FeatureCollection's polygons become the boundaries of the
places its features name — all of them in one transaction, or none when any feature is wrong.

A feature names its place by ``properties.placeId`` (a Grid's global ID or its number), or
else by ``properties.name`` (an active place's name, unique within ``within`` when given;
``properties.parent``, the parent's name, tells namesakes apart). Places the file does not
name keep their boundaries.
"""

from __future__ import annotations

from base64 import b64decode
from binascii import Error as Base64Error
from collections import defaultdict
from collections.abc import Iterable

from shapely.geometry import shape
from shapely.strtree import STRtree
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from domain.boundaries import lookup
from domain.boundaries.geojson import Feature, Problem, area_m2, read_collection, sha256_of
from domain.error_codes import BoundaryErrorCode
from domain.errors import FieldError, ValidationFailedError
from domain.tree import subtree_filter
from models.auth import AuditEntry
from models.grid import BoundaryImport, GridNode, PlaceBoundary

# Shared edges digitised twice never match exactly: siblings may overlap by a sliver this big.
OVERLAP_TOLERANCE_M2 = 1.0


class BoundaryImportError(ValidationFailedError):
    """Every problem of a rejected import, as field errors ``geoJson.features.<index>``."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: -1 if p.feature is None else p.feature)
        super().__init__(
            [FieldError(p.field, p.message, p.code) for p in self.problems],
            message=f"Nothing was imported: {len(self.problems)} problem(s)",
        )


def _global_pk(text: str) -> int | None:
    """A Grid's number from its global ID or from plain digits."""
    if text.isdigit():
        return int(text)
    try:
        kind, _, number = b64decode(text, validate=True).decode().partition(":")
    except (Base64Error, UnicodeDecodeError, ValueError):
        return None
    return int(number) if kind == "Grid" and number.isdigit() else None


async def _match(features: list[Feature], within: GridNode | None) -> dict[int, GridNode | Problem]:
    """Each feature's place, or the problem of finding it."""
    ids = {f.index: _global_pk(f.place_id) for f in features if f.place_id is not None}
    names = {f.name for f in features if f.place_id is None and f.name is not None}
    scope = GridNode.filter(is_active=True)
    if within is not None:
        scope = scope.filter(**subtree_filter("path", within.path))
    by_id = {n.id: n for n in await scope.filter(id__in=[i for i in ids.values() if i])}
    by_name: dict[str, list[GridNode]] = defaultdict(list)
    for node in await scope.filter(name__in=sorted(names)):
        by_name[node.name].append(node)
    parent_ids = {n.parent_id for group in by_name.values() for n in group if n.parent_id}
    parent_names = {
        p.id: p.name for p in await GridNode.filter(id__in=sorted(parent_ids)).only("id", "name")
    }
    found: dict[int, GridNode | Problem] = {}
    for f in features:
        if f.place_id is not None:
            by_place_id = by_id.get(ids[f.index] or -1)
            found[f.index] = by_place_id or Problem(
                f.index, BoundaryErrorCode.NO_PLACE, f"No active place {f.place_id!r} here"
            )
            continue
        if f.name is None:
            found[f.index] = Problem(
                f.index, BoundaryErrorCode.NO_PLACE, "Give `properties.placeId` or `name`"
            )
            continue
        candidates = by_name.get(f.name, [])
        if f.parent_name is not None:
            candidates = [
                c for c in candidates if parent_names.get(c.parent_id or -1) == f.parent_name
            ]
        if len(candidates) == 1:
            found[f.index] = candidates[0]
        elif not candidates:
            found[f.index] = Problem(
                f.index, BoundaryErrorCode.NO_PLACE, f"No active place named {f.name!r}"
            )
        else:
            found[f.index] = Problem(
                f.index,
                BoundaryErrorCode.AMBIGUOUS_PLACE,
                f"{len(candidates)} places are named {f.name!r}; add `parent` or `placeId`",
            )
    return found


def _overlaps(a: Feature, b_shape: object) -> bool:
    shared = a.shape.intersection(b_shape)
    return area_m2(shared) > OVERLAP_TOLERANCE_M2


async def _sibling_problems(matched: list[tuple[Feature, GridNode]]) -> list[Problem]:
    """Siblings (same parent) whose areas overlap, in the file or with boundaries kept."""
    problems: list[Problem] = []
    groups: dict[int | None, list[tuple[Feature, GridNode]]] = defaultdict(list)
    for feature, node in matched:
        groups[node.parent_id].append((feature, node))
    for group in groups.values():
        tree = STRtree([f.shape for f, _ in group])
        for i, (feature, _) in enumerate(group):
            for j in tree.query(feature.shape).tolist():
                if j < i and _overlaps(feature, group[j][0].shape):
                    problems.append(
                        Problem(
                            feature.index,
                            BoundaryErrorCode.OVERLAP,
                            f"Overlaps feature {group[j][0].index}, a sibling place",
                        )
                    )
                    break
    in_file = {node.id for _, node in matched}
    parents = [p for p in groups if p is not None]
    west, south, east, north = _bounds(f.bounds for f, _ in matched)
    kept = await PlaceBoundary.filter(
        Q(place__parent_id__in=parents),
        min_latitude__lte=north,
        max_latitude__gte=south,
        min_longitude__lte=east,
        max_longitude__gte=west,
    ).exclude(place_id__in=sorted(in_file))
    places = {n.id: n for n in await GridNode.filter(id__in=[k.place_id for k in kept])}
    for row in kept:
        node = places[row.place_id]
        if not node.is_active:
            continue
        other = shape(row.geometry)
        for feature, _ in groups[node.parent_id]:
            if _overlaps(feature, other):
                problems.append(
                    Problem(
                        feature.index,
                        BoundaryErrorCode.OVERLAP,
                        f"Overlaps the boundary of {node.name!r}, a sibling place",
                    )
                )
    return problems


def _bounds(boxes: Iterable[tuple[float, float, float, float]]) -> tuple[float, ...]:
    west, south, east, north = zip(*boxes, strict=True)
    return min(west), min(south), max(east), max(north)


async def _checked(
    features: list[Feature], problems: list[Problem], within: GridNode | None
) -> list[tuple[Feature, GridNode]]:
    """Each feature with its place, or ``BoundaryImportError`` with every problem."""
    found = await _match(features, within)
    matched: list[tuple[Feature, GridNode]] = []
    seen: dict[int, int] = {}
    for feature in features:
        place = found[feature.index]
        if isinstance(place, Problem):
            problems.append(place)
        elif place.id in seen:
            problems.append(
                Problem(
                    feature.index,
                    BoundaryErrorCode.SAME_PLACE,
                    f"Feature {seen[place.id]} is already for {place.name!r}",
                )
            )
        else:
            seen[place.id] = feature.index
            matched.append((feature, place))
    if matched:
        problems.extend(await _sibling_problems(matched))
    if problems:
        raise BoundaryImportError(problems)
    return matched


async def _write(
    text: str, matched: list[tuple[Feature, GridNode]], actor_id: int | None
) -> BoundaryImport:
    """The import's record, its boundaries (replacing the places' earlier ones), its audit row."""
    place_ids = [node.id for _, node in matched]
    record = await BoundaryImport.create(
        actor_user_id=actor_id, features=len(matched), sha256=sha256_of(text)
    )
    replaced = await PlaceBoundary.filter(place_id__in=place_ids).values_list("place_id", flat=True)
    await PlaceBoundary.filter(place_id__in=place_ids).delete()
    await PlaceBoundary.bulk_create(
        [
            PlaceBoundary(
                place_id=node.id,
                geometry=feature.geometry,
                min_longitude=feature.bounds[0],
                min_latitude=feature.bounds[1],
                max_longitude=feature.bounds[2],
                max_latitude=feature.bounds[3],
                area_m2=feature.area_m2,
                source_id=record.id,
            )
            for feature, node in matched
        ]
    )
    await AuditEntry.create(
        actor_user_id=actor_id,
        action="boundaries.import",
        target=f"BoundaryImport:{record.id}",
        before={"replacedPlaceIds": sorted(replaced)},
        after={"placeIds": place_ids, "features": len(matched), "sha256": record.sha256},
    )
    return record


async def import_boundaries(
    *, text: str, actor_id: int | None, within: GridNode | None = None
) -> tuple[BoundaryImport, list[GridNode]]:
    """Check every feature of ``text``; write all of them, or raise with every problem."""
    features, problems = read_collection(text)
    if any(p.feature is None for p in problems):
        raise BoundaryImportError(problems)
    # Checked and written in one transaction: on SQLite it begins IMMEDIATE, so a second
    # import waits and checks against what the first one wrote.
    async with in_transaction():
        matched = await _checked(features, problems, within)
        record = await _write(text, matched, actor_id)
    lookup.forget()
    return record, [node for _, node in matched]

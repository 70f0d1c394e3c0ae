"""importBoundaries: the places' areas on the map, from a GeoJSON FeatureCollection."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.boundaries.geojson import MAX_GEOJSON_BYTES
from domain.boundaries.importing import import_boundaries as import_boundaries_verb
from permissions.enums import Action, Resource
from permissions.viewer import ADMIN_DOMAIN
from schema.context import Info
from schema.errors import NotFound, PermissionDenied, ValidationFailed
from schema.grid.types import GridType
from schema.guards import require
from schema.lookup import visible_grid


@strawberry.input(
    description="Boundaries as GeoJSON. Each feature is a Polygon or MultiPolygon in GCJ-02 "
    "(or WGS-84) [longitude, latitude], naming its place by `properties.placeId` (a Grid ID) or "
    "`properties.name` (with `properties.parent`, the parent's name, for namesakes)."
)
class ImportBoundariesInput:
    geo_json: str = strawberry.field(
        description=f"A GeoJSON FeatureCollection as text, at most {MAX_GEOJSON_BYTES:,} bytes."
    )
    within_id: strawberry.ID | None = strawberry.field(
        default=None, description="Match names only among this place's subtree."
    )


@strawberry.type(description="Every feature was imported; places not named keep theirs.")
class BoundariesImported:
    count: int = strawberry.field(description="Features imported.")
    places: list[GridType] = strawberry.field(description="The places, in the file's order.")


ImportBoundariesResult = Annotated[
    BoundariesImported | ValidationFailed | NotFound | PermissionDenied,
    strawberry.union(
        "ImportBoundariesResult",
        description="The result of importBoundaries. When any feature is wrong nothing is "
        "written, and `ValidationFailed.fieldErrors` names every problem "
        "(`geoJson.features.<index>`, or `geoJson` for the whole file).",
    ),
]


async def import_boundaries(info: Info, input: ImportBoundariesInput) -> ImportBoundariesResult:
    # Admins only (no role has a `boundary` rule in policy.csv): one import moves where every
    # later case by coordinates lands, across communities.
    require(info, Resource.BOUNDARY, Action.UPDATE, ADMIN_DOMAIN)
    within = None
    if input.within_id is not None:
        within = await visible_grid(info, input.within_id, field="withinId")
    record, places = await import_boundaries_verb(
        text=input.geo_json, actor_id=info.context.viewer.user_id, within=within
    )
    return BoundariesImported(
        count=record.features, places=[GridType.from_model(p) for p in places]
    )

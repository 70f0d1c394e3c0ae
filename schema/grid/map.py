"""The map: which place contains a point, and cases as GeoJSON (GCJ-02) for a map to draw."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from domain.boundaries.lookup import place_at
from domain.errors import ValidationFailedError
from models.cases import Case
from models.enums import CaseState
from permissions.rows import board, visible
from permissions.rows.cases import case_place
from schema.context import Info
from schema.errors import UserError
from schema.grid.types import GridType
from schema.lookup import filter_to_subtree
from schema.relay import to_global_id

MAX_FEATURES = 1_000
PUBLIC_DECIMALS = 3  # about 100 m: the block, not the door

Latitude = Annotated[float, strawberry.argument(description="GCJ-02 latitude, −90…90.")]
Longitude = Annotated[float, strawberry.argument(description="GCJ-02 longitude, −180…180.")]
First = Annotated[
    int,
    strawberry.argument(description=f"At most this many cases, newest first (1–{MAX_FEATURES})."),
]


def _limit(first: int) -> int:
    if not 1 <= first <= MAX_FEATURES:
        code = "page_too_large" if first > MAX_FEATURES else "bad_page"
        raise UserError(code, f"`first` must be 1–{MAX_FEATURES}")
    return first


def _collection(features: list[dict[str, Any]], truncated: bool) -> Any:
    # `truncated` is a foreign member (RFC 7946 §6.1): more cases matched than were sent.
    return {"type": "FeatureCollection", "features": features, "truncated": truncated}


def _point(row: Case, decimals: int | None = None) -> dict[str, Any]:
    longitude, latitude = row.longitude, row.latitude
    if decimals is not None:
        longitude, latitude = round(longitude or 0.0, decimals), round(latitude or 0.0, decimals)
    return {"type": "Point", "coordinates": [longitude, latitude]}


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@strawberry.type
class MapQueries:
    @strawberry.field(
        description="The smallest active place whose boundary contains the GCJ-02 point "
        "(a point on an edge counts); null when none does. Public, as the tree is."
    )
    async def place_at(self, latitude: Latitude, longitude: Longitude) -> GridType | None:
        try:
            node = await place_at(latitude, longitude)
        except ValidationFailedError as error:
            raise UserError("out_of_range", error.message) from None
        return GridType.from_model(node) if node else None

    @strawberry.field(
        description="The cases of a subtree that the caller may see and that carry coordinates, "
        "as a GeoJSON FeatureCollection of Points in GCJ-02 [longitude, latitude]; each feature's "
        "`id` is the Case's ID, its properties `title`, `state`, `caseClass`, `urgency`, "
        "`placeId`, `createdAt`. `truncated` is true when more matched than `first`."
    )
    async def cases_geo_json(
        self,
        info: Info,
        subtree_of: Annotated[
            strawberry.ID, strawberry.argument(description="Only cases in this place's subtree.")
        ],
        state: Annotated[
            CaseState | None, strawberry.argument(description="Only cases in this state.")
        ] = None,
        first: First = 500,
    ) -> strawberry.scalars.JSON:
        limit = _limit(first)
        query = visible(Case, info.context.viewer).filter(
            latitude__isnull=False, longitude__isnull=False
        )
        query = await filter_to_subtree(
            info, query, subtree_of, field="subtreeOf", path_field=case_place
        )
        if state is not None:
            query = query.filter(state=state)
        rows = await query.order_by("-id").limit(limit + 1)
        features = [
            {
                "type": "Feature",
                "id": to_global_id("Case", row.id),
                "geometry": _point(row),
                "properties": {
                    "title": row.title,
                    "state": row.state.name,
                    "caseClass": row.case_class.name if row.case_class else None,
                    "urgency": row.urgency.name,
                    "placeId": to_global_id("Grid", row.place_id),
                    "createdAt": _when(row.created_at),
                },
            }
            for row in rows[:limit]
        ]
        return _collection(features, len(rows) > limit)

    @strawberry.field(
        description="The public board's cases with coordinates, for everyone: a GeoJSON "
        "FeatureCollection of Points in GCJ-02 [longitude, latitude] rounded to 3 decimals "
        "(about 100 m), without reporter or address; each feature's `id` is the PublicCase's ID, "
        "its properties `title`, `state`, `caseClass`, `satisfied`, `createdAt`, `repliedAt`."
    )
    async def public_cases_geo_json(
        self,
        info: Info,
        subtree_of: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="Only cases in this place's subtree."),
        ] = None,
        first: First = 500,
    ) -> strawberry.scalars.JSON:
        limit = _limit(first)
        query = board(Case).filter(latitude__isnull=False, longitude__isnull=False)
        query = await filter_to_subtree(
            info, query, subtree_of, field="subtreeOf", path_field=case_place
        )
        rows = await query.order_by("-id").limit(limit + 1)
        features = [
            {
                "type": "Feature",
                "id": to_global_id("PublicCase", row.id),
                "geometry": _point(row, PUBLIC_DECIMALS),
                "properties": {
                    "title": row.title,
                    "state": row.state.name,
                    "caseClass": row.case_class.name if row.case_class else None,
                    "satisfied": row.satisfied,
                    "createdAt": _when(row.created_at),
                    "repliedAt": _when(row.replied_at),
                },
            }
            for row in rows[:limit]
        ]
        return _collection(features, len(rows) > limit)

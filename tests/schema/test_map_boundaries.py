"""Boundaries over GraphQL: a community with two grids imported from GeoJSON, every bad input
typed with nothing written, and the smallest place containing a point."""

from __future__ import annotations

from typing import Any

import pytest

from domain.boundaries import geojson
from domain.grid import create_grid_node
from models.auth import AuditEntry
from models.enums import GridLevel
from models.grid import BoundaryImport, GridNode, PlaceBoundary
from tests.support.cases import World, build_world
from tests.support.geojson import (
    BUILDING,
    GRID_ONE,
    GRID_TWO,
    NORTH,
    collection,
    feature,
    rectangle,
)
from tests.support.graphql import GraphQLClient

IMPORT = """
mutation($input: ImportBoundariesInput!) {
  importBoundaries(input: $input) {
    __typename
    ... on BoundariesImported { count places { name boundary } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code message } }
  }
}"""

PLACE_AT = "query($lat: Float!, $lon: Float!) { placeAt(latitude: $lat, longitude: $lon) { name } }"


async def _grid_two(world: World) -> GridNode:
    node = await create_grid_node(name="第二网格", level=GridLevel.GRID, parent=world.tree["north"])
    world.tree["north_grid2"] = node
    return node


def community_file(world: World) -> str:
    """The north community, its two grids (by name and parent) and the building (by id)."""
    return collection(
        feature(rectangle(NORTH), name="振兴路社区"),
        feature(rectangle(GRID_ONE), name="第一网格", parent="振兴路社区"),
        feature(rectangle(GRID_TWO), placeId=world.place("north_grid2")),
        feature(rectangle(BUILDING), placeId=str(world.tree["north_building"].id)),
        crs={"type": "name", "properties": {"name": "GCJ-02"}},
    )


async def run_import(world: World, text: str, who: str = "admin") -> dict[str, Any]:
    data = await world.as_(who).data(IMPORT, {"input": {"geoJson": text}})
    result: dict[str, Any] = data["importBoundaries"]
    return result


async def nothing_written() -> tuple[int, int, int]:
    return (
        await PlaceBoundary.all().count(),
        await BoundaryImport.all().count(),
        await AuditEntry.filter(action="boundaries.import").count(),
    )


async def place_at(gql: GraphQLClient, lat: float, lon: float) -> str | None:
    data = await gql.data(PLACE_AT, {"lat": lat, "lon": lon})
    return data["placeAt"]["name"] if data["placeAt"] else None


async def test_given_a_community_file_when_an_admin_imports_it_then_every_place_has_its_area(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    await _grid_two(world)

    result = await run_import(world, community_file(world))

    assert result["__typename"] == "BoundariesImported", result
    assert result["count"] == 4
    assert [p["name"] for p in result["places"]] == ["振兴路社区", "第一网格", "第二网格", "1栋"]
    assert result["places"][1]["boundary"] == rectangle(GRID_ONE)
    audit = await AuditEntry.get(action="boundaries.import")
    assert audit.actor_user_id == world.users["admin"]
    assert audit.after["features"] == 4


async def test_place_at_answers_the_smallest_place_containing_the_point(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    await _grid_two(world)
    assert (await run_import(world, community_file(world)))["__typename"] == "BoundariesImported"

    assert await place_at(gql, 32.05, 118.72) == "第一网格"
    assert await place_at(gql, 32.05, 118.77) == "第二网格"
    assert await place_at(gql, 32.015, 118.715) == "1栋"  # nested in the first grid
    assert await place_at(gql, 32.01, 118.715) == "1栋"  # on the building's edge
    assert await place_at(gql, 32.09, 118.72) == "振兴路社区"  # in no grid
    assert await place_at(gql, 31.0, 118.0) is None


async def test_place_at_refuses_coordinates_out_of_range(gql: GraphQLClient) -> None:
    body = await gql(PLACE_AT, {"lat": 95.0, "lon": 118.0})
    assert body["data"] == {"placeAt": None}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["out_of_range"]


def _bowtie() -> dict[str, Any]:
    return {
        "type": "Polygon",
        "coordinates": [
            [[118.70, 32.00], [118.75, 32.08], [118.75, 32.00], [118.70, 32.08], [118.70, 32.00]]
        ],
    }


BAD_FILES = {
    "self_intersecting": (
        lambda w: collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            feature(_bowtie(), placeId=w.place("north_grid")),
        ),
        [("geoJson.features.1", "self_intersecting")],
    ),
    "overlapping_siblings": (
        lambda w: collection(
            feature(rectangle(GRID_ONE), placeId=w.place("north_grid")),
            feature(rectangle((118.74, 32.00, 118.80, 32.08)), placeId=w.place("north_grid2")),
        ),
        [("geoJson.features.1", "overlap")],
    ),
    "projected_crs": (
        lambda w: collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},
        ),
        [("geoJson", "bad_crs")],
    ),
    "feature_crs": (
        lambda w: collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            {
                **feature(rectangle(GRID_ONE), placeId=w.place("north_grid")),
                "crs": {"type": "name", "properties": {"name": "BD-09"}},
            },
        ),
        [("geoJson.features.1", "bad_crs")],
    ),
    "latitude_first": (
        lambda w: collection(
            feature(rectangle((32.00, 118.70, 32.10, 118.80)), name="振兴路社区"),
        ),
        [("geoJson.features.0", "out_of_range")],
    ),
    "no_place": (
        lambda w: collection(
            feature(rectangle(NORTH), name="振兴路社区"),
            feature(rectangle(GRID_ONE), name="第九网格"),
            feature(rectangle(GRID_TWO), placeId="R3JpZDo5OTk5"),
        ),
        [("geoJson.features.1", "no_place"), ("geoJson.features.2", "no_place")],
    ),
    "ambiguous_name": (
        lambda w: collection(feature(rectangle(GRID_ONE), name="第一网格")),
        [("geoJson.features.0", "ambiguous_place")],
    ),
    "same_place_twice": (
        lambda w: collection(
            feature(rectangle(GRID_ONE), placeId=w.place("north_grid")),
            feature(rectangle(GRID_ONE), name="第一网格", parent="振兴路社区"),
        ),
        [("geoJson.features.1", "same_place")],
    ),
    "not_a_polygon": (
        lambda w: collection(
            feature({"type": "Point", "coordinates": [118.7, 32.0]}, name="振兴路社区"),
            feature(
                {"type": "Polygon", "coordinates": [[[118.7, 32.0], [118.8, 32.0], [118.8, 32.1]]]},
                name="第二网格",
            ),
        ),
        [("geoJson.features.0", "bad_geometry"), ("geoJson.features.1", "bad_geometry")],
    ),
    "not_geojson": (lambda w: "{not json", [("geoJson", "bad_geojson")]),
    "every_problem_at_once": (
        lambda w: collection(
            feature(_bowtie(), placeId=w.place("north_grid")),
            feature(rectangle(NORTH), name="无名社区"),
            feature(rectangle((200.0, 32.0, 201.0, 33.0)), name="振兴路社区"),
            feature(rectangle(BUILDING), placeId=str(w.tree["north_building"].id)),
        ),
        [
            ("geoJson.features.0", "self_intersecting"),
            ("geoJson.features.1", "no_place"),
            ("geoJson.features.2", "out_of_range"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
async def test_given_a_bad_file_then_every_problem_is_typed_and_nothing_is_written(
    gql: GraphQLClient, case: str
) -> None:
    world = await build_world(gql)
    await _grid_two(world)
    make, expected = BAD_FILES[case]

    result = await run_import(world, make(world))

    assert result["__typename"] == "ValidationFailed", result
    assert [(e["field"], e["code"]) for e in result["fieldErrors"]] == expected
    assert await nothing_written() == (0, 0, 0)


async def test_a_boundary_overlapping_a_kept_sibling_is_refused(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    await _grid_two(world)
    first = collection(feature(rectangle(GRID_ONE), placeId=world.place("north_grid")))
    assert (await run_import(world, first))["__typename"] == "BoundariesImported"
    written = await nothing_written()

    result = await run_import(
        world,
        collection(
            feature(rectangle((118.74, 32.00, 118.80, 32.08)), placeId=world.place("north_grid2"))
        ),
    )

    assert [(e["field"], e["code"]) for e in result["fieldErrors"]] == [
        ("geoJson.features.0", "overlap")
    ]
    assert await nothing_written() == written


async def test_a_file_above_the_limit_is_refused_before_it_is_read(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = await build_world(gql)
    text = collection(feature(rectangle(NORTH), name="振兴路社区"))
    monkeypatch.setattr(geojson, "MAX_GEOJSON_BYTES", len(text.encode()) - 1)

    result = await run_import(world, text)

    assert [(e["field"], e["code"]) for e in result["fieldErrors"]] == [("geoJson", "too_long")]
    assert await nothing_written() == (0, 0, 0)


async def test_only_an_admin_imports_boundaries(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    await _grid_two(world)

    result = await run_import(world, community_file(world), who="cadre")

    assert result["__typename"] == "PermissionDenied"
    assert await nothing_written() == (0, 0, 0)

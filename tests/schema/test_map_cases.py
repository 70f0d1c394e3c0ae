"""Cases on the map: a report by coordinates lands on the grid that contains it, and the cases
of a subtree (and of the public board) come out as GeoJSON."""

from __future__ import annotations

from typing import Any

from domain.boundaries.importing import import_boundaries
from domain.grid import create_grid_node
from models.cases import Case
from models.enums import CaseState, GridLevel
from tests.support.cases import World, build_world, gid, run, submit
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

CASES_MAP = """query($place: ID!) { casesGeoJson(subtreeOf: $place) }"""
BOARD_MAP = """{ publicCasesGeoJson }"""


async def mapped_world(gql: GraphQLClient) -> World:
    """The case world, with the north community, its two grids and the building on the map."""
    world = await build_world(gql)
    world.tree["north_grid2"] = await create_grid_node(
        name="第二网格", level=GridLevel.GRID, parent=world.tree["north"]
    )
    text = collection(
        feature(rectangle(NORTH), placeId=world.place("north")),
        feature(rectangle(GRID_ONE), placeId=world.place("north_grid")),
        feature(rectangle(GRID_TWO), placeId=world.place("north_grid2")),
        feature(rectangle(BUILDING), placeId=world.place("north_building")),
    )
    await import_boundaries(text=text, actor_id=None)
    return world


async def submit_at(world: World, who: str, lat: float, lon: float) -> dict[str, Any]:
    return await run(
        world.as_(who),
        "submitCase",
        title="井盖缺失",
        description="路口井盖丢了",
        channel="PATROL",
        latitude=lat,
        longitude=lon,
        reporterName="路人",
    )


async def test_a_report_with_only_coordinates_lands_on_the_grid_that_contains_it(
    gql: GraphQLClient,
) -> None:
    world = await mapped_world(gql)

    second = await submit_at(world, "cadre", 32.05, 118.77)
    building = await submit_at(world, "cadre", 32.015, 118.715)

    assert second["__typename"] == "CaseSubmitted", second
    assert second["case"]["place"] == {"name": "第二网格"}
    assert building["case"]["place"] == {"name": "1栋"}
    stored = await Case.get(title="井盖缺失", place_id=world.tree["north_grid2"].id)
    assert (stored.latitude, stored.longitude) == (32.05, 118.77)


async def test_a_report_where_no_place_lies_is_refused_and_nothing_is_written(
    gql: GraphQLClient,
) -> None:
    world = await mapped_world(gql)

    outside = await submit_at(world, "cadre", 31.0, 118.0)
    out_of_range = await submit_at(world, "cadre", 91.0, 118.0)
    nowhere = await run(
        world.as_("worker"),
        "submitCase",
        title="井盖缺失",
        description="路口井盖丢了",
        channel="PATROL",
        latitude=32.05,
        reporterName="路人",
    )

    assert [(e["field"], e["code"]) for e in outside["fieldErrors"]] == [
        ("latitude", "not_covered")
    ]
    assert [(e["field"], e["code"]) for e in out_of_range["fieldErrors"]] == [
        ("latitude", "out_of_range")
    ]
    assert [(e["field"], e["code"]) for e in nowhere["fieldErrors"]] == [
        ("placeId", "required"),
        ("longitude", "required"),
    ]
    assert await Case.all().count() == 0


async def test_a_named_place_is_kept_whatever_the_coordinates(gql: GraphQLClient) -> None:
    world = await mapped_world(gql)

    case = await submit(world, place="north_building", latitude=31.0, longitude=118.0)

    assert case["place"] == {"name": "1栋"}


async def test_the_cases_map_holds_the_visible_cases_with_coordinates(
    gql: GraphQLClient,
) -> None:
    world = await mapped_world(gql)
    located = (await submit_at(world, "cadre", 32.05, 118.77))["case"]
    await submit(world)  # no coordinates: not on the map

    body = await world.as_("cadre").data(CASES_MAP, {"place": world.place("north")})
    south = await world.as_("south_worker").data(CASES_MAP, {"place": world.place("north")})

    assert body["casesGeoJson"] == {
        "type": "FeatureCollection",
        "truncated": False,
        "features": [
            {
                "type": "Feature",
                "id": located["id"],
                "geometry": {"type": "Point", "coordinates": [118.77, 32.05]},
                "properties": {
                    "title": "井盖缺失",
                    "state": "SUBMITTED",
                    "caseClass": None,
                    "urgency": "NORMAL",
                    "placeId": world.place("north_grid2"),
                    "createdAt": body["casesGeoJson"]["features"][0]["properties"]["createdAt"],
                },
            }
        ],
    }
    assert south["casesGeoJson"]["features"] == []


async def test_the_board_map_rounds_coordinates_and_leaves_out_the_reporter(
    gql: GraphQLClient,
) -> None:
    world = await mapped_world(gql)
    located = await submit_at(world, "cadre", 32.054321, 118.776543)
    await submit_at(world, "cadre", 32.05, 118.72)  # not answered: not on the board
    pk = (await Case.get(place_id=world.tree["north_grid2"].id)).id
    await Case.filter(id=pk).update(state=CaseState.REPLIED, reply="已补井盖")

    body = await gql.data(BOARD_MAP)

    (only,) = body["publicCasesGeoJson"]["features"]
    assert only["id"] == gid("PublicCase", pk)
    assert only["geometry"] == {"type": "Point", "coordinates": [118.777, 32.054]}
    assert sorted(only["properties"]) == [
        "caseClass",
        "createdAt",
        "repliedAt",
        "satisfied",
        "state",
        "title",
    ]
    assert only["properties"]["state"] == "REPLIED"
    assert located["case"]["reporterName"] == "路人"
    assert "路人" not in str(body)

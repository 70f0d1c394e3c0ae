"""Stations (驿站) over GraphQL: open, change and close them; the bad inputs; the lists."""

from __future__ import annotations

from typing import Any

from models.auth import AuditEntry
from models.enums import StationKind
from models.grid import GridNode, Station
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient

ERRORS = """
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code } }
"""
CREATE = (
    """
mutation($input: CreateStationInput!) {
  createStation(input: $input) {
    __typename
    ... on StationCreated { station { name kind address openingHours closedAt grid { name } } }
"""
    + ERRORS
    + "} }"
)
UPDATE = (
    """
mutation($input: UpdateStationInput!) {
  updateStation(input: $input) {
    __typename
    ... on StationUpdated { station { name kind address openingHours } }
"""
    + ERRORS
    + "} }"
)
CLOSE = (
    """
mutation($input: CloseStationInput!) {
  closeStation(input: $input) {
    __typename
    ... on StationClosed { station { name closedAt } }
"""
    + ERRORS
    + "} }"
)


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def cadre_of(gql: GraphQLClient, place: GridNode) -> GraphQLClient:
    _, token = await user_with_role(Role.COMMUNITY_CADRE, place)
    return gql.as_(token)


async def create(client: GraphQLClient, place: GridNode, **fields: Any) -> dict[str, Any]:
    values = {"placeId": gid("Grid", place.id), "name": "红色议事驿站", "kind": "DELIBERATION"}
    values.update(fields)
    body = await client.data(CREATE, {"input": values})
    result: dict[str, Any] = body["createStation"]
    return result


async def test_given_a_cadre_when_they_open_a_station_in_a_grid_then_it_is_listed_and_audited(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    cadre = await cadre_of(gql, tree["north"])
    result = await create(
        cadre,
        tree["north_grid"],
        name=" 第一网格 红色议事驿站 ",
        address="振兴路88号",
        openingHours="周一至周五 8:30-17:30",
    )
    assert result == {
        "__typename": "StationCreated",
        "station": {
            "name": "第一网格 红色议事驿站",
            "kind": "DELIBERATION",
            "address": "振兴路88号",
            "openingHours": "周一至周五 8:30-17:30",
            "closedAt": None,
            "grid": {"name": "第一网格"},
        },
    }
    station = await Station.get(name="第一网格 红色议事驿站")
    entries = await AuditEntry.filter(target=f"Station:{station.id}").values_list(
        "action", flat=True
    )
    assert entries == ["station.create"]
    listed = await gql.data("{ stations { nodes { name } } }")
    assert listed == {"stations": {"nodes": [{"name": "第一网格 红色议事驿站"}]}}


async def test_bad_inputs_are_typed_errors_and_change_nothing(gql: GraphQLClient) -> None:
    tree = await small_tree()
    cadre = await cadre_of(gql, tree["north"])
    assert (await create(cadre, tree["north_grid"]))["__typename"] == "StationCreated"

    empty = await create(cadre, tree["north_grid"], name="   ")
    assert empty["__typename"] == "ValidationFailed"
    assert empty["fieldErrors"] == [{"field": "name", "code": "required"}]

    twice = await create(cadre, tree["north_grid"], name="红色议事驿站")
    assert twice["__typename"] == "Conflict"

    building = await create(cadre, tree["north_building"], name="楼栋驿站")
    assert building["__typename"] == "ValidationFailed"
    assert building["fieldErrors"] == [{"field": "placeId", "code": "level_not_allowed"}]

    elsewhere = await create(cadre, tree["south_grid"], name="别处驿站")
    assert elsewhere["__typename"] == "PermissionDenied"
    assert await Station.all().values_list("name", flat=True) == ["红色议事驿站"]


async def test_given_a_station_when_it_is_updated_then_only_the_given_fields_change(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    cadre = await cadre_of(gql, tree["north"])
    await create(cadre, tree["north_grid"], address="振兴路88号")
    await create(cadre, tree["north_grid"], name="民生驿站", kind="LIVELIHOOD")
    station = await Station.get(name="红色议事驿站")
    body = await cadre.data(
        UPDATE,
        {
            "input": {
                "id": gid("Station", station.id),
                "kind": "PARTY_SERVICE",
                "name": "党群服务站",
            }
        },
    )
    assert body["updateStation"] == {
        "__typename": "StationUpdated",
        "station": {
            "name": "党群服务站",
            "kind": "PARTY_SERVICE",
            "address": "振兴路88号",
            "openingHours": "",
        },
    }
    clash = await cadre.data(
        UPDATE, {"input": {"id": gid("Station", station.id), "name": "民生驿站"}}
    )
    assert clash["updateStation"]["__typename"] == "Conflict"
    await station.refresh_from_db()
    assert (station.name, station.kind) == ("党群服务站", StationKind.PARTY_SERVICE)
    actions = await AuditEntry.filter(target=f"Station:{station.id}").values_list(
        "action", flat=True
    )
    assert actions == ["station.create", "station.update"]


async def test_given_a_closed_station_then_it_stays_out_of_active_lists_and_cannot_close_twice(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    cadre = await cadre_of(gql, tree["north"])
    await create(cadre, tree["north_grid"])
    await create(cadre, tree["north_grid"], name="民生驿站", kind="LIVELIHOOD")
    station = await Station.get(name="红色议事驿站")
    station_id = gid("Station", station.id)

    closed = await cadre.data(CLOSE, {"input": {"id": station_id}})
    assert closed["closeStation"]["__typename"] == "StationClosed"
    assert closed["closeStation"]["station"]["closedAt"] is not None
    again = await cadre.data(CLOSE, {"input": {"id": station_id}})
    assert again["closeStation"]["__typename"] == "Conflict"

    grid = gid("Grid", tree["north_grid"].id)
    lists = await gql.data(
        """query($grid: ID!, $station: ID!) {
          open: stations { nodes { name } }
          all: stations(includeClosed: true) { nodes { name closedAt } }
          node(id: $grid) { ... on Grid { stations { totalCount }
                                          everything: stations(includeClosed: true) { totalCount } } }
          station: node(id: $station) { ... on Station { name } }
        }""",
        {"grid": grid, "station": station_id},
    )
    assert lists["open"] == {"nodes": [{"name": "民生驿站"}]}
    assert [n["name"] for n in lists["all"]["nodes"]] == ["红色议事驿站", "民生驿站"]
    assert lists["node"] == {"stations": {"totalCount": 1}, "everything": {"totalCount": 2}}
    assert lists["station"] == {"name": "红色议事驿站"}
    actions = await AuditEntry.filter(target=f"Station:{station.id}").values_list(
        "action", flat=True
    )
    assert actions == ["station.create", "station.close"]


async def test_a_grid_worker_may_not_open_a_station(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    result = await create(gql.as_(token), tree["north_grid"])
    assert result["__typename"] == "PermissionDenied"
    assert await Station.all().count() == 0

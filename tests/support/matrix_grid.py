"""Matrix rows of the places: grids, their history, stations and teams are public; changing
the tree and its stations is for cadres in their subtree and for admins."""

from __future__ import annotations

from datetime import date

from models.enums import GridChangeKind, GridLevel, StationKind, WorkerPost
from models.grid import GridChange, GridNode, Station
from models.org import WorkerAssignment
from tests.support.matrix import (
    ADMIN,
    ALL,
    EVERYONE,
    OTHER,
    OWN,
    SAME,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)

CADRE_AND_ADMIN = {"community_cadre": only(OWN, SAME), ADMIN: ALL}
# A child level that fits under each level (a building has none: its cells are denied first).
CHILD_LEVEL = {
    GridLevel.STREET: GridLevel.COMMUNITY,
    GridLevel.COMMUNITY: GridLevel.GRID,
    GridLevel.GRID: GridLevel.BUILDING,
    GridLevel.BUILDING: GridLevel.BUILDING,
}


def _grid_key(world: World, actor: str, relation: str) -> str | None:
    """own: the actor's home node, same: a node inside it, other: the home's mirror."""
    home = world.grid_home(actor)
    if relation == OWN:
        return home
    if relation == SAME:
        inside = {"north": "north_grid", "north_grid": "north_building"}
        return inside.get(home)
    return world.mirror(home)


async def _grid(world: World, actor: str, relation: str) -> Target | None:
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    node = world.grid(key)
    assert node.parent_id is not None
    return Target(gid("Grid", node.id), parent=gid("Grid", node.parent_id))


async def _station(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None  # a station belongs to a place, never to a person
    key = world.grid_home(actor)
    node = world.grid(world.mirror(key) if relation == OTHER else key)
    station = await Station.create(
        name=f"驿站-{actor}-{relation}", kind=StationKind.PARTY_SERVICE, grid=node
    )
    return Target(gid("Station", station.id), parent=gid("Grid", node.id))


async def _change(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None
    key = world.grid_home(actor)
    node = world.grid(world.mirror(key) if relation == OTHER else key)
    change = await GridChange.get(node_id=node.id, kind=GridChangeKind.CREATED)
    return Target(gid("GridChange", change.id), parent=gid("Grid", node.id))


async def _team_post(world: World, actor: str, relation: str) -> Target | None:
    if relation == OWN:
        return None  # a post is at a place
    key = world.grid_home(actor)
    node = world.grid(world.mirror(key) if relation == OTHER else key)
    post = await WorkerAssignment.create(
        person=world.person, place=node, post=WorkerPost.POLICE_OFFICER, started_on=date(2025, 1, 1)
    )
    return Target(gid("WorkerAssignment", post.id), parent=gid("Grid", node.id))


READS = [
    ReadRow(
        name="grids",
        target=_grid,
        list="{ grids(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on Grid { children { nodes { id } } } } }",
        sees=EVERYONE,
    ),
    ReadRow(
        name="stations",
        target=_station,
        list="{ stations(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on Grid { stations { nodes { id } } } } }",
        sees=EVERYONE,
    ),
    ReadRow(
        name="gridTeam",
        target=_team_post,
        list=None,  # the list is workerAssignments (matrix_people)
        nested="query($parent: ID!) { node(id: $parent) { ... on Grid { team { nodes { id } } } } }",
        sees=EVERYONE,
    ),
    ReadRow(
        name="gridHistory",
        target=_change,
        list=None,  # no list of its own: reached through Grid.history
        nested="query($parent: ID!) { node(id: $parent) { ... on Grid { history { nodes { id } } } } }",
        sees=EVERYONE,
    ),
]


def _name_of(node_id: int):  # type: ignore[no-untyped-def]
    async def snapshot() -> object:
        return await GridNode.filter(id=node_id).values_list("name", "path", "is_active")

    return snapshot


async def _create_grid(world: World, actor: str, relation: str) -> Attempt | None:
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    parent = world.grid(key)
    return Attempt(
        {
            "input": {
                "name": f"新网格-{relation}",
                "level": CHILD_LEVEL[parent.level].name,
                "parentId": gid("Grid", parent.id),
            }
        },
        lambda: GridNode.all().count(),
    )


async def _rename_grid(world: World, actor: str, relation: str) -> Attempt | None:
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    node = world.grid(key)
    return Attempt(
        {"input": {"id": gid("Grid", node.id), "name": f"改名-{relation}"}}, _name_of(node.id)
    )


async def _move_grid(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    side = "south" if relation == OTHER else "north"
    building, new_parent = world.grid(f"{side}_building"), world.grid(f"{side}_grid2")
    return Attempt(
        {"input": {"id": gid("Grid", building.id), "newParentId": gid("Grid", new_parent.id)}},
        _name_of(building.id),
    )


async def _merge_grids(world: World, actor: str, relation: str) -> Attempt | None:
    if relation == OWN:
        return None
    side = "south" if relation == OTHER else "north"
    source, target = world.grid(f"{side}_grid2"), world.grid(f"{side}_grid")
    return Attempt(
        {"input": {"sourceIds": [gid("Grid", source.id)], "targetId": gid("Grid", target.id)}},
        _name_of(source.id),
    )


def _station_row(station_id: int):  # type: ignore[no-untyped-def]
    async def snapshot() -> object:
        return await Station.filter(id=station_id).values_list("name", "kind", "closed_at")

    return snapshot


async def _create_station(world: World, actor: str, relation: str) -> Attempt | None:
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    place = world.grid(key)
    return Attempt(
        {
            "input": {
                "placeId": gid("Grid", place.id),
                "name": f"新驿站-{actor}-{relation}",
                "kind": "PARTY_SERVICE",
            }
        },
        lambda: Station.all().count(),
    )


async def _existing_station(world: World, actor: str, relation: str) -> Station | None:
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    return await Station.create(
        name=f"驿站-{actor}-{relation}", kind=StationKind.LIVELIHOOD, grid=world.grid(key)
    )


async def _update_station(world: World, actor: str, relation: str) -> Attempt | None:
    station = await _existing_station(world, actor, relation)
    if station is None:
        return None
    return Attempt(
        {"input": {"id": gid("Station", station.id), "name": f"改名驿站-{relation}"}},
        _station_row(station.id),
    )


async def _close_station(world: World, actor: str, relation: str) -> Attempt | None:
    station = await _existing_station(world, actor, relation)
    if station is None:
        return None
    return Attempt({"input": {"id": gid("Station", station.id)}}, _station_row(station.id))


MOVE_ALLOWED = {"community_cadre": only(SAME), ADMIN: only(SAME, OTHER)}

WRITES = [
    WriteRow(
        name="createGrid", success="GridCreated", prepare=_create_grid, allowed=CADRE_AND_ADMIN
    ),
    WriteRow(
        name="renameGrid", success="GridRenamed", prepare=_rename_grid, allowed=CADRE_AND_ADMIN
    ),
    WriteRow(name="moveGrid", success="GridMoved", prepare=_move_grid, allowed=MOVE_ALLOWED),
    WriteRow(name="mergeGrids", success="GridsMerged", prepare=_merge_grids, allowed=MOVE_ALLOWED),
    WriteRow(
        name="createStation",
        success="StationCreated",
        prepare=_create_station,
        allowed=CADRE_AND_ADMIN,
    ),
    WriteRow(
        name="updateStation",
        success="StationUpdated",
        prepare=_update_station,
        allowed=CADRE_AND_ADMIN,
    ),
    WriteRow(
        name="closeStation",
        success="StationClosed",
        prepare=_close_station,
        allowed=CADRE_AND_ADMIN,
    ),
]

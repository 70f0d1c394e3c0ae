"""The grid tree over GraphQL: create, rename, move, merge, and the bad inputs."""

from __future__ import annotations

from typing import Any

from models.grid import GridChange, GridNode
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient

CREATE = """
mutation($input: CreateGridInput!) {
  createGrid(input: $input) {
    __typename
    ... on GridCreated { grid { id name level depth parent { name } } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code } }
  }
}"""

MOVE = """
mutation($input: MoveGridInput!) {
  moveGrid(input: $input) {
    __typename
    ... on GridMoved { grid { name depth ancestors { name } } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code } }
  }
}"""

MERGE = """
mutation($input: MergeGridsInput!) {
  mergeGrids(input: $input) {
    __typename
    ... on GridsMerged { grid { name } merged { name isActive mergedInto { name } } }
    ... on Error { code message }
  }
}"""


def gid(node: GridNode) -> str:
    return str(to_global_id("Grid", node.id))


async def admin(gql: GraphQLClient) -> GraphQLClient:
    _, token = await user_with_role(Role.ADMIN)
    return gql.as_(token)


async def test_given_a_community_when_a_grid_is_created_under_it_then_it_sits_one_level_down(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    client = await admin(gql)
    body = await client.data(
        CREATE, {"input": {"name": "第二网格", "level": "GRID", "parentId": gid(tree["north"])}}
    )
    created = body["createGrid"]
    assert created["__typename"] == "GridCreated"
    assert created["grid"]["name"] == "第二网格"
    assert created["grid"]["depth"] == 2
    assert created["grid"]["parent"] == {"name": "振兴路社区"}
    node = await GridNode.get(name="第二网格")
    assert node.path == f"{tree['north'].path}{node.id}/"
    assert [c.kind.value for c in await GridChange.filter(node_id=node.id)] == ["created"]


async def test_a_building_under_a_street_is_refused_naming_the_field(gql: GraphQLClient) -> None:
    tree = await small_tree()
    client = await admin(gql)
    before = await GridNode.all().count()
    body = await client.data(
        CREATE, {"input": {"name": "孤楼", "level": "BUILDING", "parentId": gid(tree["street"])}}
    )
    result = body["createGrid"]
    assert result["__typename"] == "ValidationFailed"
    assert result["fieldErrors"] == [{"field": "parentId", "code": "level_not_allowed"}]
    assert await GridNode.all().count() == before


async def test_a_duplicate_name_under_the_same_parent_is_a_conflict(gql: GraphQLClient) -> None:
    tree = await small_tree()
    client = await admin(gql)
    body = await client.data(
        CREATE, {"input": {"name": "第一网格", "level": "GRID", "parentId": gid(tree["north"])}}
    )
    assert body["createGrid"]["__typename"] == "Conflict"
    assert await GridNode.filter(name="第一网格").count() == 2


async def test_a_malformed_parent_id_is_refused_naming_the_field(gql: GraphQLClient) -> None:
    client = await admin(gql)
    body = await client.data(
        CREATE, {"input": {"name": "x", "level": "GRID", "parentId": "nonsense"}}
    )
    assert body["createGrid"]["__typename"] == "ValidationFailed"
    assert body["createGrid"]["fieldErrors"] == [{"field": "parentId", "code": "malformed_id"}]


async def test_an_unknown_enum_value_is_refused_by_graphql(gql: GraphQLClient) -> None:
    client = await admin(gql)
    body = await client(CREATE, {"input": {"name": "x", "level": "PLANET"}})
    assert body["data"] is None
    assert "PLANET" in body["errors"][0]["message"]
    assert "level" in body["errors"][0]["message"]


async def test_moving_a_grid_moves_its_subtree_and_keeps_history(gql: GraphQLClient) -> None:
    tree = await small_tree()
    client = await admin(gql)
    body = await client.data(
        MOVE, {"input": {"id": gid(tree["north_grid"]), "newParentId": gid(tree["south"])}}
    )
    # The south community already has a 第一网格: a conflict, and nothing moved.
    assert body["moveGrid"]["__typename"] == "Conflict"
    await client.data(
        """mutation($input: RenameGridInput!) { renameGrid(input: $input) { __typename } }""",
        {"input": {"id": gid(tree["north_grid"]), "name": "第五网格"}},
    )
    body = await client.data(
        MOVE, {"input": {"id": gid(tree["north_grid"]), "newParentId": gid(tree["south"])}}
    )
    assert body["moveGrid"]["grid"] == {
        "name": "第五网格",
        "depth": 2,
        "ancestors": [{"name": "云阳街道"}, {"name": "新亚洲体育城社区"}],
    }
    building = await GridNode.get(id=tree["north_building"].id)
    moved = await GridNode.get(id=tree["north_grid"].id)
    assert building.path == f"{tree['south'].path}{moved.id}/{building.id}/"
    kinds = [c.kind.value for c in await GridChange.filter(node_id=moved.id).order_by("id")]
    assert kinds == ["created", "renamed", "moved"]


async def test_a_grid_cannot_move_under_its_own_descendant(gql: GraphQLClient) -> None:
    tree = await small_tree()
    client = await admin(gql)
    body = await client.data(
        MOVE, {"input": {"id": gid(tree["north"]), "newParentId": gid(tree["north_grid"])}}
    )
    assert body["moveGrid"]["__typename"] == "ValidationFailed"
    assert (await GridNode.get(id=tree["north"].id)).path == tree["north"].path


async def test_merging_grids_keeps_everything_that_pointed_at_the_source(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    client = await admin(gql)
    body = await client.data(
        MERGE,
        {"input": {"sourceIds": [gid(tree["south_grid"])], "targetId": gid(tree["north_grid"])}},
    )
    merged: dict[str, Any] = body["mergeGrids"]
    assert merged["__typename"] == "GridsMerged"
    assert merged["merged"][0]["isActive"] is False
    assert merged["merged"][0]["mergedInto"] == {"name": "第一网格"}
    building = await GridNode.get(id=tree["south_building"].id)
    assert building.parent_id == tree["north_grid"].id
    assert building.path.startswith(tree["north_grid"].path)
    source = await GridNode.get(id=tree["south_grid"].id)
    assert source.parent_id == tree["north_grid"].id


async def test_grids_page_through_with_cursors_and_total_count(gql: GraphQLClient) -> None:
    await small_tree()
    query = """query($after: String) { grids(first: 3, after: $after) {
        totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }"""
    first = (await gql.data(query))["grids"]
    assert first["totalCount"] == 7
    assert [e["node"]["name"] for e in first["edges"]] == [
        "云阳街道",
        "振兴路社区",
        "新亚洲体育城社区",
    ]
    assert first["pageInfo"]["hasNextPage"] is True
    second = (await gql.data(query, {"after": first["pageInfo"]["endCursor"]}))["grids"]
    assert [e["node"]["name"] for e in second["edges"]] == ["第一网格", "第一网格", "1栋"]
    third = (await gql.data(query, {"after": second["pageInfo"]["endCursor"]}))["grids"]
    assert [e["node"]["name"] for e in third["edges"]] == ["2栋"]
    assert third["pageInfo"]["hasNextPage"] is False


async def test_a_page_above_one_hundred_is_refused(gql: GraphQLClient) -> None:
    body = await gql("{ grids(first: 101) { totalCount } }")
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "page_too_large"
    assert body["errors"][0]["message"] == "`first` must be between 0 and 100, got 101"


async def test_subtree_filter_is_one_range(gql: GraphQLClient) -> None:
    tree = await small_tree()
    body = await gql.data(
        "query($id: ID!) { grids(subtreeOf: $id) { nodes { name level } } }",
        {"id": gid(tree["north"])},
    )
    assert body["grids"]["nodes"] == [
        {"name": "振兴路社区", "level": "COMMUNITY"},
        {"name": "第一网格", "level": "GRID"},
        {"name": "1栋", "level": "BUILDING"},
    ]


async def test_a_merge_whose_children_clash_by_name_changes_nothing(gql: GraphQLClient) -> None:
    tree = await small_tree()
    client = await admin(gql)
    await client.data(
        """mutation($input: RenameGridInput!) { renameGrid(input: $input) { __typename } }""",
        {"input": {"id": gid(tree["south_building"]), "name": "1栋"}},
    )
    paths_before = sorted(await GridNode.all().values_list("path", flat=True))
    body = await client.data(
        MERGE,
        {"input": {"sourceIds": [gid(tree["south_grid"])], "targetId": gid(tree["north_grid"])}},
    )
    assert body["mergeGrids"]["__typename"] == "Conflict"
    assert (
        body["mergeGrids"]["message"] == "A place named '1栋' already exists under the same parent"
    )
    assert sorted(await GridNode.all().values_list("path", flat=True)) == paths_before
    assert (await GridNode.get(id=tree["south_grid"].id)).is_active is True


async def test_every_change_to_the_tree_is_also_in_the_audit_log(gql: GraphQLClient) -> None:
    from models.auth import AuditEntry

    tree = await small_tree()
    admin_id, token = await user_with_role(Role.ADMIN)
    body = await gql.as_(token).data(
        CREATE, {"input": {"name": "第三网格", "level": "GRID", "parentId": gid(tree["north"])}}
    )
    assert body["createGrid"]["__typename"] == "GridCreated"
    node = await GridNode.get(name="第三网格")
    entry = await AuditEntry.get(target=f"GridNode:{node.id}")
    assert (entry.action, entry.actor_user_id, entry.after["name"]) == (
        "grid.created",
        admin_id,
        "第三网格",
    )

"""A grid's team (网格公示牌): its grid worker and the "3+X" posts beside them, public."""

from __future__ import annotations

from typing import Any

from models.org import WorkerAssignment
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import resident_household, small_tree, user_with_role
from tests.support.graphql import GraphQLClient

ASSIGN = """mutation($input: AssignWorkerInput!) {
  assignWorker(input: $input) {
    __typename ... on Error { code message } ... on ValidationFailed { fieldErrors { field code } }
  }
}"""
TEAM = """query($grid: ID!) { node(id: $grid) { ... on Grid {
  team { totalCount nodes { post workerName } } } } }"""


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def test_given_the_3_plus_x_posts_when_anyone_reads_the_grid_then_its_team_is_listed(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _home, people = await resident_household(
        tree["north_building"], "1-101", ["刘敏", "李警官", "周经理", "王党员", "赵大妈", "钱大爷"]
    )
    _, token = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    cadre = gql.as_(token)
    grid = gid("Grid", tree["north_grid"].id)

    async def assign(person: int, post: str) -> dict[str, Any]:
        body = await cadre.data(
            ASSIGN,
            {
                "input": {
                    "personId": gid("Person", people[person].id),
                    "placeId": grid,
                    "post": post,
                    "startedOn": "2026-01-05",
                }
            },
        )
        result: dict[str, Any] = body["assignWorker"]
        return result

    for person, post in (
        (0, "GRID_WORKER"),
        (1, "POLICE_OFFICER"),
        (2, "PROPERTY_MANAGER"),
        (3, "PARTY_MEMBER"),
        (4, "RESIDENT_ACTIVIST"),
        (5, "RESIDENT_ACTIVIST"),  # a grid has several activists
    ):
        assert (await assign(person, post))["__typename"] == "WorkerAssigned"
    second_officer = await assign(5, "POLICE_OFFICER")
    assert second_officer["__typename"] == "Conflict"  # one officer per grid at a time
    in_a_building = await cadre.data(
        ASSIGN,
        {
            "input": {
                "personId": gid("Person", people[1].id),
                "placeId": gid("Grid", tree["north_building"].id),
                "post": "POLICE_OFFICER",
                "startedOn": "2026-01-05",
            }
        },
    )
    assert in_a_building["assignWorker"]["fieldErrors"] == [
        {"field": "placeId", "code": "level_not_allowed"}
    ]
    ended = await WorkerAssignment.get(post="property_manager")
    ended.ended_on = ended.started_on
    await ended.save()

    body = await gql.data(TEAM, {"grid": grid})  # anonymous: the board is public
    assert body["node"]["team"] == {
        "totalCount": 5,
        "nodes": [
            {"post": "GRID_WORKER", "workerName": "刘敏"},
            {"post": "POLICE_OFFICER", "workerName": "李警官"},
            {"post": "PARTY_MEMBER", "workerName": "王党员"},
            {"post": "RESIDENT_ACTIVIST", "workerName": "赵大妈"},
            {"post": "RESIDENT_ACTIVIST", "workerName": "钱大爷"},
        ],
    }

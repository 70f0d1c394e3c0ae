"""An admin builds a tree, moves and merges grids, adds people and pages through them over
real HTTP, and every bad input of the foundation gets its typed error with nothing written."""

from __future__ import annotations

from typing import Any

import httpx

from demo.community import DEMO_PASSWORD
from tests.acceptance.conftest import LiveServer

RESULT = "__typename ... on Error { code message } ... on ValidationFailed { fieldErrors { field code } }"


class Admin:
    def __init__(self, server: LiveServer) -> None:
        self.server = server
        self.token = server.login("admin", DEMO_PASSWORD)

    def __call__(self, query: str, **variables: Any) -> dict[str, Any]:
        response = httpx.post(
            f"{self.server.url}/graphql",
            json={"query": query, "variables": variables},
            headers={"Authorization": f"Bearer {self.token}"},
            timeout=10,
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def mutate(self, mutation: str, input_type: str, payload: str, **input: Any) -> dict[str, Any]:
        body = self(
            f"mutation($input: {input_type}!) {{ {mutation}(input: $input) {{ {RESULT} {payload} }} }}",
            input=input,
        )
        assert "errors" not in body, body
        result: dict[str, Any] = body["data"][mutation]
        return result

    def grid(self, name: str, level: str, parent: str | None) -> str:
        created = self.mutate(
            "createGrid",
            "CreateGridInput",
            "... on GridCreated { grid { id } }",
            name=name,
            level=level,
            parentId=parent,
        )
        assert created["__typename"] == "GridCreated", created
        return str(created["grid"]["id"])

    def count(self, query: str) -> int:
        body = self(query)
        return int(next(iter(body["data"].values()))["totalCount"])


def test_build_move_merge_and_populate_a_tree_over_http(live_server: LiveServer) -> None:
    admin = Admin(live_server)
    street = admin.grid("云岭街道", "STREET", None)
    community = admin.grid("和平社区", "COMMUNITY", street)
    estate = admin.grid("和平小区", "AREA", community)
    grid_a = admin.grid("甲网格", "GRID", estate)
    grid_b = admin.grid("乙网格", "GRID", estate)
    building = admin.grid("9栋", "BUILDING", grid_b)

    other_community = admin.grid("团结社区", "COMMUNITY", street)
    moved = admin.mutate(
        "moveGrid",
        "MoveGridInput",
        "... on GridMoved { grid { ancestors { name } } }",
        id=estate,
        newParentId=other_community,
    )
    assert moved["grid"]["ancestors"] == [{"name": "云岭街道"}, {"name": "团结社区"}]

    merged = admin.mutate(
        "mergeGrids",
        "MergeGridsInput",
        "... on GridsMerged { grid { name children(first: 10) { nodes { name } } } }",
        targetId=grid_a,
        sourceIds=[grid_b],
    )
    assert merged["__typename"] == "GridsMerged", merged
    # the building followed the merged grid: nothing that pointed at 乙网格 lost its place
    assert {"name": "9栋"} in merged["grid"]["children"]["nodes"]

    household = admin.mutate(
        "createHousehold",
        "CreateHouseholdInput",
        "... on HouseholdCreated { household { id } }",
        buildingId=building,
        door="9-101",
    )["household"]["id"]
    for i in range(25):
        person = admin.mutate(
            "createPerson",
            "CreatePersonInput",
            "... on PersonCreated { person { id } }",
            name=f"和平居民{i:02d}",
            householdId=household,
            relation="HEAD" if i == 0 else "OTHER",
            phone=f"1370000{i:04d}",
        )
        assert person["__typename"] == "PersonCreated", person

    names: list[str] = []
    after = None
    while True:
        page = admin(
            """query($subtree: ID, $after: String) { persons(subtreeOf: $subtree, first: 10, after: $after) {
                totalCount pageInfo { hasNextPage endCursor } nodes { name } } }""",
            subtree=street,
            after=after,
        )["data"]["persons"]
        assert page["totalCount"] == 25
        names += [n["name"] for n in page["nodes"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert names == [f"和平居民{i:02d}" for i in range(25)]


def test_every_bad_input_gets_a_typed_error_naming_the_field_and_writes_nothing(
    live_server: LiveServer,
) -> None:
    admin = Admin(live_server)
    street = admin.grid("云峰街道", "STREET", None)
    community = admin.grid("光明社区", "COMMUNITY", street)
    grid = admin.grid("光明网格", "GRID", community)
    grids_before = admin.count("{ grids(includeInactive: true) { totalCount } }")
    persons_before = admin.count("{ persons { totalCount } }")

    payload = ""
    building_under_street = admin.mutate(
        "createGrid", "CreateGridInput", payload, name="孤楼", level="BUILDING", parentId=street
    )
    assert building_under_street["fieldErrors"] == [
        {"field": "parentId", "code": "level_not_allowed"}
    ]

    under_descendant = admin.mutate(
        "moveGrid", "MoveGridInput", payload, id=community, newParentId=grid
    )
    assert under_descendant["__typename"] == "ValidationFailed"

    duplicate = admin.mutate(
        "createGrid", "CreateGridInput", payload, name="光明网格", level="GRID", parentId=community
    )
    assert duplicate["__typename"] == "Conflict"

    malformed = admin.mutate(
        "createGrid", "CreateGridInput", payload, name="新网格", level="GRID", parentId="not-an-id"
    )
    assert malformed["fieldErrors"] == [{"field": "parentId", "code": "malformed_id"}]

    bad_phone = admin.mutate(
        "createPerson", "CreatePersonInput", payload, name="钱七", placeId=grid, phone="110"
    )
    assert bad_phone["fieldErrors"] == [{"field": "phone", "code": "bad_phone"}]

    unknown_enum = admin(
        "mutation($input: CreateGridInput!) { createGrid(input: $input) { __typename } }",
        input={"name": "x", "level": "GALAXY", "parentId": community},
    )
    assert unknown_enum["data"] is None
    assert "GALAXY" in unknown_enum["errors"][0]["message"]

    too_many = admin("{ grids(first: 101) { totalCount } }")
    assert too_many["errors"][0]["message"] == "`first` must be between 0 and 100, got 101"

    assert admin.count("{ grids(includeInactive: true) { totalCount } }") == grids_before
    assert admin.count("{ persons { totalCount } }") == persons_before

"""The people over GraphQL: scoped lists, masking, filters, writes and their bad inputs."""

from __future__ import annotations

from typing import Any

import pytest

from models.auth import AuditEntry
from models.enums import KeyGroup
from models.people import Person, PersonTag
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import (
    resident_household,
    small_tree,
    user_for_person,
    user_with_role,
)
from tests.support.graphql import GraphQLClient
from tests.support.sql import recorded_sql

PERSONS = """
query($first: Int, $keyGroup: KeyGroup, $subtreeOf: ID) {
  persons(first: $first, keyGroup: $keyGroup, subtreeOf: $subtreeOf) {
    totalCount
    nodes {
      name phone phoneMasked keyGroups
      household { door address }
      building { name }
      grid { name }
    }
  }
}"""

CREATE_PERSON = """
mutation($input: CreatePersonInput!) {
  createPerson(input: $input) {
    __typename
    ... on PersonCreated { person { name phone keyGroups building { name } } }
    ... on Error { code message }
    ... on ValidationFailed { fieldErrors { field code } }
  }
}"""


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def two_grids_of_people() -> dict[str, Any]:
    tree = await small_tree()
    _north_home, north_people = await resident_household(
        tree["north_building"], "1-101", ["王芳", "王小明"], phones=["13812345678", "13900001111"]
    )
    _south_home, south_people = await resident_household(
        tree["south_building"], "2-202", ["李强"], phones=["13711112222"]
    )
    await PersonTag.create(person_id=north_people[0].id, tag=KeyGroup.ELDERLY_ALONE)
    return {**tree, "north_people": north_people, "south_people": south_people}


async def test_given_a_grid_worker_when_listing_persons_then_only_their_grid_shows_whole(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    body = await gql.as_(token).data(PERSONS)
    assert body["persons"]["totalCount"] == 2
    assert body["persons"]["nodes"] == [
        {
            "name": "王芳",
            "phone": "13812345678",
            "phoneMasked": False,
            "keyGroups": ["ELDERLY_ALONE"],
            "household": {"door": "1-101", "address": "1栋1-101"},
            "building": {"name": "1栋"},
            "grid": {"name": "第一网格"},
        },
        {
            "name": "王小明",
            "phone": "13900001111",
            "phoneMasked": False,
            "keyGroups": [],
            "household": {"door": "1-101", "address": "1栋1-101"},
            "building": {"name": "1栋"},
            "grid": {"name": "第一网格"},
        },
    ]


async def test_a_person_of_another_grid_is_absent_through_node_and_nested_edges(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    stranger = world["south_people"][0]
    query = """query($id: ID!, $hh: ID!) {
      node(id: $id) { ... on Person { name phone } }
      household: node(id: $hh) { ... on Household { door members { name } } }
    }"""
    body = await gql.as_(token).data(
        query, {"id": gid("Person", stranger.id), "hh": gid("Household", stranger.household_id)}
    )
    assert body == {"node": None, "household": None}


async def test_given_a_resident_then_they_see_their_household_with_relatives_phones_masked(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _mother, son = world["north_people"]
    _, token = await user_for_person(son, Role.RESIDENT, world["north_building"])
    body = await gql.as_(token).data(PERSONS)
    assert [(p["name"], p["phone"], p["keyGroups"]) for p in body["persons"]["nodes"]] == [
        ("王芳", "138****5678", None),
        ("王小明", "13900001111", []),
    ]
    assert body["persons"]["nodes"][0]["household"]["address"] == "1栋1-101"


async def test_anonymous_callers_see_no_person_and_the_public_worker_board(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _cadre_id, cadre = await user_with_role(Role.COMMUNITY_CADRE, world["north"])
    worker = world["north_people"][1]
    assign = """mutation($input: AssignWorkerInput!) {
      assignWorker(input: $input) { __typename ... on Error { code message } }
    }"""
    result = await gql.as_(cadre).data(
        assign,
        {
            "input": {
                "personId": gid("Person", worker.id),
                "placeId": gid("Grid", world["north_grid"].id),
                "post": "GRID_WORKER",
                "startedOn": "2026-01-05",
            }
        },
    )
    assert result["assignWorker"]["__typename"] == "WorkerAssigned"
    board = """{ persons { totalCount }
      workerAssignments { nodes { post workerName workerPhone place { name } person { name } } } }"""
    body = await gql.data(board)
    assert body["persons"]["totalCount"] == 0
    assert body["workerAssignments"]["nodes"] == [
        {
            "post": "GRID_WORKER",
            "workerName": "王小明",
            "workerPhone": "13900001111",
            "place": {"name": "第一网格"},
            "person": None,
        }
    ]


async def test_persons_filter_by_key_group_and_subtree(gql: GraphQLClient) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.COMMUNITY_CADRE, world["street"])
    client = gql.as_(token)
    tagged = await client.data(PERSONS, {"keyGroup": "ELDERLY_ALONE"})
    assert [p["name"] for p in tagged["persons"]["nodes"]] == ["王芳"]
    south = await client.data(PERSONS, {"subtreeOf": gid("Grid", world["south"].id)})
    assert [p["name"] for p in south["persons"]["nodes"]] == ["李强"]


async def test_a_page_of_20_persons_with_household_building_and_grid_costs_constant_sql(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The once-a-second check for policy changes made elsewhere, and reading the session and
    # its grants (remembered for a second), would make counts depend on timing.
    monkeypatch.setattr("api.graphql_view.STALE_CHECK_SECONDS", 3600.0)
    monkeypatch.setattr("permissions.viewer_cache.TTL_SECONDS", 3600.0)
    world = await small_tree()
    for i in range(12):
        await resident_household(
            world["north_building"], f"3-{i:03d}", [f"居民{i}甲", f"居民{i}乙"]
        )
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    client = gql.as_(token)
    await client.data(PERSONS, {"first": 1})  # the first request loads the policy
    counts = {}
    for size in (5, 20):
        with recorded_sql() as statements:
            body = await client.data(PERSONS, {"first": size})
        assert len(body["persons"]["nodes"]) == size
        counts[size] = len(statements)
    assert counts[5] == counts[20]
    # persons page, count, places, ancestors, households, tags (the session and grants: cached)
    assert counts[20] == 7, counts


async def test_create_person_in_a_household_records_them_with_an_audit_row(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    household = world["north_people"][0].household_id
    body = await gql.as_(token).data(
        CREATE_PERSON,
        {
            "input": {
                "name": " 王  小红 ",
                "householdId": gid("Household", household),
                "relation": "GRANDCHILD",
                "phone": "13600002222",
                "keyGroups": ["DISABILITY"],
            }
        },
    )
    assert body["createPerson"] == {
        "__typename": "PersonCreated",
        "person": {
            "name": "王 小红",
            "phone": "13600002222",
            "keyGroups": ["DISABILITY"],
            "building": {"name": "1栋"},
        },
    }
    person = await Person.get(name="王 小红")
    assert (
        await AuditEntry.filter(target=f"Person:{person.id}", action="person.create").count() == 1
    )


async def test_a_bad_phone_is_refused_naming_the_field_and_nothing_is_written(
    gql: GraphQLClient,
) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    before = await Person.all().count()
    body = await gql.as_(token).data(
        CREATE_PERSON,
        {
            "input": {
                "name": "赵六",
                "placeId": gid("Grid", world["north_building"].id),
                "phone": "12345",
            }
        },
    )
    assert body["createPerson"]["__typename"] == "ValidationFailed"
    assert body["createPerson"]["fieldErrors"] == [{"field": "phone", "code": "bad_phone"}]
    assert await Person.all().count() == before


async def test_a_grid_worker_may_not_record_a_person_in_another_grid(gql: GraphQLClient) -> None:
    world = await two_grids_of_people()
    _, token = await user_with_role(Role.GRID_WORKER, world["north_grid"])
    before = await Person.all().count()
    body = await gql.as_(token).data(
        CREATE_PERSON,
        {"input": {"name": "赵六", "placeId": gid("Grid", world["south_building"].id)}},
    )
    assert body["createPerson"]["__typename"] == "PermissionDenied"
    assert await Person.all().count() == before


async def test_party_members_filter_by_branch_and_dual_registration(gql: GraphQLClient) -> None:
    world = await two_grids_of_people()
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, world["street"])
    client = gql.as_(cadre)
    branch = await client.data(
        """mutation($input: CreatePartyBranchInput!) { createPartyBranch(input: $input) {
            __typename ... on PartyBranchCreated { partyBranch { id name grids { name } } }
            ... on Error { message } } }""",
        {
            "input": {
                "name": "振兴路第一网格党支部",
                "placeId": gid("Grid", world["north"].id),
                "gridIds": [gid("Grid", world["north_grid"].id)],
            }
        },
    )
    branch_id = branch["createPartyBranch"]["partyBranch"]["id"]
    register = """mutation($input: RegisterPartyMemberInput!) { registerPartyMember(input: $input) {
        __typename ... on Error { code message } } }"""
    mother, son = world["north_people"]
    for person, workplace in ((mother, ""), (son, "市供电公司党委")):
        result = await client.data(
            register,
            {
                "input": {
                    "personId": gid("Person", person.id),
                    "branchId": branch_id,
                    "workplaceOrganisation": workplace,
                }
            },
        )
        assert result["registerPartyMember"]["__typename"] == "PartyMemberRegistered"
    members = """query($branch: ID, $dual: Boolean) { partyMembers(branchId: $branch, dualRegistered: $dual) {
        totalCount nodes { workplaceOrganisation person { name } branch { name } } } }"""
    dual = await client.data(members, {"branch": branch_id, "dual": True})
    assert dual["partyMembers"] == {
        "totalCount": 1,
        "nodes": [
            {
                "workplaceOrganisation": "市供电公司党委",
                "person": {"name": "王小明"},
                "branch": {"name": "振兴路第一网格党支部"},
            }
        ],
    }
    everyone = await client.data(members, {"branch": branch_id})
    assert everyone["partyMembers"]["totalCount"] == 2
    again = await client.data(
        register, {"input": {"personId": gid("Person", son.id), "branchId": branch_id}}
    )
    assert again["registerPartyMember"]["__typename"] == "Conflict"


async def test_more_than_15_contact_households_are_refused(gql: GraphQLClient) -> None:
    world = await small_tree()
    homes = [
        (await resident_household(world["north_building"], f"5-{i:02d}", [f"户主{i}"]))[0]
        for i in range(16)
    ]
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, world["north"])
    from domain.organisation import create_party_branch, register_party_member

    branch = await create_party_branch(
        name="支部", place=world["north"], grids=[world["north_grid"]]
    )
    member_person = (await resident_household(world["north_building"], "6-01", ["党员甲"]))[1][0]
    member = await register_party_member(person=member_person, branch=branch)
    body = await gql.as_(cadre).data(
        """mutation($input: SetContactHouseholdsInput!) { setContactHouseholds(input: $input) {
            __typename ... on ValidationFailed { fieldErrors { field code } } } }""",
        {
            "input": {
                "partyMemberId": gid("PartyMember", member.id),
                "householdIds": [gid("Household", h.id) for h in homes],
            }
        },
    )
    assert body["setContactHouseholds"] == {
        "__typename": "ValidationFailed",
        "fieldErrors": [{"field": "householdIds", "code": "too_many"}],
    }

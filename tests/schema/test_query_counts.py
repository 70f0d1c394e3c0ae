"""SQL statements per request for the main lists: a page costs the same whatever its size."""

from __future__ import annotations

import pytest

from demo.community import load_demo
from demo.households import generate_households
from domain.organisation import register_party_member, register_volunteer
from models.org import PartyBranch
from models.people import Person
from permissions.enums import Role
from tests.support.factories import user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.sql import recorded_sql

LISTS = {
    "grids": "query($n: Int) { grids(first: $n) { totalCount nodes { name parent { name } ancestorAt(level: COMMUNITY) { name } } } }",
    "persons": "query($n: Int) { persons(first: $n) { totalCount nodes { name phone keyGroups household { door } building { name } grid { name } } } }",
    "households": "query($n: Int) { households(first: $n) { totalCount nodes { door address building { name } members { name phone } } } }",
    "partyMembers": "query($n: Int) { partyMembers(first: $n) { totalCount nodes { dualRegistered person { name phone } branch { name } } } }",
    "volunteers": "query($n: Int) { volunteers(first: $n) { totalCount nodes { skills person { name } teams { name } } } }",
}
# The statements of one page, whatever its size (the caller's session and grants are read by
# the first request and remembered: permissions/viewer_cache.py).
EXPECTED = {"grids": 3, "persons": 6, "households": 4, "partyMembers": 5, "volunteers": 5}


@pytest.mark.parametrize("name", sorted(LISTS))
async def test_a_page_of_a_main_list_costs_a_constant_number_of_statements(
    name: str, gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("api.graphql_view.STALE_CHECK_SECONDS", 3600.0)
    monkeypatch.setattr("permissions.viewer_cache.TTL_SECONDS", 3600.0)
    await load_demo()
    await generate_households(40)
    branch = await PartyBranch.first()
    assert branch is not None
    generated = await Person.filter(place__name__startswith="10").order_by("id").limit(50)
    for person in generated[:25]:
        await register_party_member(person=person, branch=branch)
    for person in generated[25:]:
        await register_volunteer(person=person, skills=["维修"])
    _, token = await user_with_role(Role.ADMIN)
    client = gql.as_(token)
    await client.data(LISTS[name], {"n": 1})  # the first request loads the policy
    counts = {}
    for size in (5, 20):
        with recorded_sql() as statements:
            body = await client.data(LISTS[name], {"n": size})
        assert len(body[name]["nodes"]) == size
        counts[size] = len(statements)
    assert counts == {5: EXPECTED[name], 20: EXPECTED[name]}

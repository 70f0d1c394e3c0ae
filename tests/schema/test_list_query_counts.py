"""Queries are counted: a page of 20 needs with their place, poster and claimant costs a fixed
number of SQL statements, whatever the page size."""

from __future__ import annotations

import logging

import pytest

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, publish_need
from models.enums import ClaimantKind, ListCategory, NeedKind
from permissions.enums import Role
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import party_member, person

PAGE = """{ needs(first: 20) { totalCount nodes { title state place { name }
  poster { name phone } claimant { name } } } }"""
PUBLIC = """{ publicNeeds(first: 20) { totalCount nodes { title grid { name } } } }"""


# Authentication and the enforcer's freshness check are per request, not per row.
PER_REQUEST = ("user_session", "role_assignment", "casbin_rule", "grid_change", "api_token")


def _statements(caplog: pytest.LogCaptureFixture) -> list[str]:
    found = []
    for record in caplog.records:
        text = record.getMessage()
        if record.name != "tortoise.db_client" or not text.lstrip().upper().startswith("SELECT"):
            continue
        if not any(f'"{table}"' in text for table in PER_REQUEST):
            found.append(text)
    return found


async def test_a_page_of_twenty_needs_costs_the_same_as_a_page_of_two(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    tree = await small_tree()
    member = await party_member(await person("陈党员", tree["north_grid"]))
    _, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    client = gql.as_(token)
    costs = []
    for count in (2, 20):
        for index in range(count - (2 if count == 20 else 0)):
            poster = await person(f"居民{count}-{index}", tree["north_building"])
            need = await post_need(
                draft=NeedDraft(NeedKind.NEED, ListCategory.REPAIR, "修灯"),
                poster=poster,
                actor_user_id=None,
            )
            await publish_need(need, actor_user_id=None)
            await claim_need(
                need,
                claimant=Claimant(ClaimantKind.PARTY_MEMBER, party_member=member),
                actor_user_id=None,
            )
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
            body = await client.data(PAGE)
            public = await gql.data(PUBLIC)
        assert len(body["needs"]["nodes"]) == count
        assert len(public["publicNeeds"]["nodes"]) == count
        costs.append(len(_statements(caplog)))
    # needs: page, count, places, posters, members, their persons; public: page, count, two
    # batches of places (the building, then its ancestors up to the grid).
    assert costs == [10, 10]

"""Bad input on the need list: typed errors, and nothing changes."""

from __future__ import annotations

import asyncio
import json

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import publish_need
from models.enums import ListCategory, NeedKind, NeedState
from models.lists import Need, NeedEvent
from models.people import Person
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import link_user, party_member, person

CLAIM = """mutation($id: ID!, $version: Int) {
  claimNeed(input: {id: $id, claimantKind: PARTY_MEMBER, version: $version}) {
  __typename ... on Error { code message }
  ... on InvalidTransition { state allowedActions allowedNeedActions allowedCaseActions }
  ... on ValidationFailed { fieldErrors { field code } } } }"""
WISH = NeedDraft(NeedKind.MICRO_WISH, ListCategory.GOODS, "一台收音机", "想听戏")


async def _member_client(gql: GraphQLClient, name: str, place: object) -> GraphQLClient:
    who = await person(name, place)  # type: ignore[arg-type]
    await party_member(who)
    user_id, token = await user_with_role(Role.RESIDENT, place)  # type: ignore[arg-type]
    await link_user(user_id, who)
    return gql.as_(token)


async def _need(poster: Person, *, published: bool) -> Need:
    need = await post_need(draft=WISH, poster=poster, actor_user_id=None)
    if published:
        await publish_need(need, actor_user_id=None)
    return need


def gid(need: Need, type_name: str = "Need") -> str:
    return str(to_global_id(type_name, need.id))


async def _unchanged(need: Need) -> tuple[NeedState, int, int]:
    row = await Need.get(id=need.id)
    return row.state, row.version, await NeedEvent.filter(need_id=need.id).count()


async def test_a_worker_claiming_a_need_not_yet_published_gets_an_invalid_transition(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    need = await _need(await person("王奶奶", tree["north_building"]), published=False)
    worker = await person("网格员", tree["north_grid"])
    await party_member(worker)
    user_id, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    await link_user(user_id, worker)
    before = await _unchanged(need)

    body = await gql.as_(token).data(CLAIM, {"id": gid(need)})

    assert body["claimNeed"] == {
        "__typename": "InvalidTransition",
        "code": "invalid_transition",
        "message": "Cannot claim from state posted; allowed: publish, reject",
        "state": "posted",
        "allowedActions": ["publish", "reject"],
        "allowedNeedActions": ["PUBLISH", "REJECT"],
        "allowedCaseActions": None,
    }
    assert await _unchanged(need) == before


async def test_claiming_ones_own_need_is_refused(gql: GraphQLClient) -> None:
    tree = await small_tree()
    grandma = await person("王奶奶", tree["north_building"])
    await party_member(grandma)
    need = await _need(grandma, published=True)
    user_id, token = await user_with_role(Role.RESIDENT, tree["north_building"])
    await link_user(user_id, grandma)
    before = await _unchanged(need)

    body = await gql.as_(token).data(CLAIM, {"id": gid(need)})

    assert body["claimNeed"]["fieldErrors"] == [{"field": "claimantId", "code": "own_need"}]
    assert await _unchanged(need) == before


async def test_a_stale_version_is_a_conflict(gql: GraphQLClient) -> None:
    tree = await small_tree()
    need = await _need(await person("王奶奶", tree["north_building"]), published=True)
    client = await _member_client(gql, "陈党员", tree["north_building"])
    before = await _unchanged(need)

    body = await client.data(CLAIM, {"id": gid(need, "PublicNeed"), "version": 1})

    assert body["claimNeed"]["__typename"] == "Conflict"
    assert await _unchanged(need) == before


async def test_two_members_claiming_the_same_wish_at_once_exactly_one_gets_it(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    need = await _need(await person("王奶奶", tree["north_building"]), published=True)
    first = await _member_client(gql, "党员甲", tree["north_building"])
    second = await _member_client(gql, "党员乙", tree["south_building"])

    results = await asyncio.gather(
        first.data(CLAIM, {"id": gid(need, "PublicNeed")}),
        second.data(CLAIM, {"id": gid(need, "PublicNeed")}),
    )

    kinds = sorted(r["claimNeed"]["__typename"] for r in results)
    assert kinds[0] in ("Conflict", "InvalidTransition")
    assert kinds[1] == "NeedClaimed"
    stored = await Need.get(id=need.id)
    assert (stored.state, stored.version) == (NeedState.CLAIMED, 3)
    assert await NeedEvent.filter(need_id=need.id, action="claim").count() == 1


async def test_the_public_list_shows_no_names_phones_or_buildings(gql: GraphQLClient) -> None:
    tree = await small_tree()
    grandma = await person("王奶奶", tree["north_building"], phone="13912345678")
    await _need(grandma, published=True)
    hidden = await _need(grandma, published=False)
    query = """{ publicNeeds { totalCount nodes { __typename kind category title description
      state claimantKind grid { name level } } } }"""

    body = await gql.data(query)

    assert body["publicNeeds"] == {
        "totalCount": 1,
        "nodes": [
            {
                "__typename": "PublicNeed",
                "kind": "MICRO_WISH",
                "category": "GOODS",
                "title": "一台收音机",
                "description": "想听戏",
                "state": "PUBLISHED",
                "claimantKind": None,
                "grid": {"name": "第一网格", "level": "GRID"},
            }
        ],
    }
    fields = await gql.data('{ __type(name: "PublicNeed") { fields { name } } }')
    names = {f["name"] for f in fields["__type"]["fields"]}
    assert names.isdisjoint({"poster", "place", "claimant", "events", "evidence"})
    assert "13912345678" not in json.dumps(body)
    node = await gql.data(
        "query($id: ID!) { node(id: $id) { id } }", {"id": gid(hidden, "PublicNeed")}
    )
    assert node == {"node": None}
    anonymous = await gql.data("{ needs { totalCount } }")
    assert anonymous["needs"]["totalCount"] == 0


async def test_a_worker_cannot_post_for_a_resident_of_another_place(gql: GraphQLClient) -> None:
    tree = await small_tree()
    stranger = await person("南区居民", tree["south_building"], phone="13700000000")
    _, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    query = """mutation($input: PostNeedInput!) { postNeed(input: $input) {
      __typename ... on NeedPosted { need { poster { name } } } ... on Error { code } } }"""

    body = await gql.as_(token).data(
        query,
        {
            "input": {
                "kind": "NEED",
                "category": "OTHER",
                "title": "代为发布",
                "posterId": str(to_global_id("Person", stranger.id)),
                "placeId": str(to_global_id("Grid", tree["north_building"].id)),
            }
        },
    )

    assert body["postNeed"] == {"__typename": "PermissionDenied", "code": "permission_denied"}
    assert await Need.all().count() == 0

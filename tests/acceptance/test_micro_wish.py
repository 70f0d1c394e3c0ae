"""Acceptance: a micro-wish posted by an elderly resident, published by the grid worker,
claimed by a 双报到 party member, fulfilled and confirmed — over HTTP."""

from __future__ import annotations

from models.enums import KeyGroup
from models.lists import Need, NeedEvent
from permissions.enums import Role
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import link_user, party_member, person

POST = """mutation($input: PostNeedInput!) { postNeed(input: $input) {
  __typename ... on NeedPosted { need { id state poster { name phone } } }
  ... on Error { code message } } }"""
STEP = """mutation($id: ID!) {
  publishNeed(input: {id: $id}) {
  __typename ... on NeedPublished { need { state } } ... on Error { code } } }"""
CLAIM = """mutation($id: ID!) { claimNeed(input: {id: $id, claimantKind: PARTY_MEMBER}) {
  __typename ... on NeedClaimed { need { state claimant { name } claimDeadline } }
  ... on Error { code message } ... on InvalidTransition { state allowedActions } } }"""
FULFIL = """mutation($id: ID!) { fulfilNeed(input: {id: $id, evidence: "收音机已送到王奶奶家"}) {
  __typename ... on NeedFulfilled { need { state evidence } } ... on Error { code } } }"""
CONFIRM = """mutation($id: ID!) { confirmNeed(input: {id: $id, note: "谢谢"}) {
  __typename ... on NeedConfirmed { need { state events { nodes { action toState } } } }
  ... on Error { code message } } }"""
PUBLIC = """{ publicNeeds { totalCount nodes { id title state claimantKind grid { name } } } }"""


async def test_a_micro_wish_goes_round_the_loop(gql: GraphQLClient) -> None:
    tree = await small_tree()
    grandma = await person(
        "王奶奶", tree["north_building"], phone="13912345678", tags=(KeyGroup.ELDERLY_ALONE,)
    )
    member = await party_member(await person("陈党员", tree["north_building"]), dual=True)
    resident_id, resident = await user_with_role(Role.RESIDENT, tree["north_building"])
    await link_user(resident_id, grandma)
    _, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    member_user, member_token = await user_with_role(Role.RESIDENT, tree["north_building"])
    await link_user(member_user, await member.person)

    posted = await gql.as_(resident).data(
        POST,
        {"input": {"kind": "MICRO_WISH", "category": "GOODS", "title": "想要一台收音机"}},
    )
    assert posted["postNeed"]["__typename"] == "NeedPosted"
    need = posted["postNeed"]["need"]
    assert need["state"] == "POSTED"
    assert need["poster"] == {"name": "王奶奶", "phone": "13912345678"}
    need_id = need["id"]
    assert (await gql.data(PUBLIC))["publicNeeds"]["totalCount"] == 0

    early = await gql.as_(member_token).data(CLAIM, {"id": need_id})
    assert early["claimNeed"]["__typename"] == "NotFound"  # not yet on the public list

    published = await gql.as_(worker).data(STEP, {"id": need_id})
    assert published["publishNeed"] == {
        "__typename": "NeedPublished",
        "need": {"state": "PUBLISHED"},
    }
    public = (await gql.data(PUBLIC))["publicNeeds"]
    assert public["totalCount"] == 1
    assert public["nodes"][0]["title"] == "想要一台收音机"
    assert public["nodes"][0]["grid"] == {"name": "第一网格"}
    public_id = public["nodes"][0]["id"]

    claimed = await gql.as_(member_token).data(CLAIM, {"id": public_id})
    assert claimed["claimNeed"]["__typename"] == "NeedClaimed"
    assert claimed["claimNeed"]["need"]["state"] == "CLAIMED"
    assert claimed["claimNeed"]["need"]["claimant"] == {"name": "陈党员"}

    again = await gql.as_(member_token).data(CLAIM, {"id": public_id})
    assert again["claimNeed"]["__typename"] == "InvalidTransition"
    assert again["claimNeed"]["state"] == "claimed"

    someone_else = await gql.as_(member_token).data(CONFIRM, {"id": need_id})
    assert someone_else["confirmNeed"]["__typename"] == "PermissionDenied"

    fulfilled = await gql.as_(member_token).data(FULFIL, {"id": need_id})
    assert fulfilled["fulfilNeed"]["need"] == {
        "state": "FULFILLED",
        "evidence": "收音机已送到王奶奶家",
    }

    confirmed = await gql.as_(resident).data(CONFIRM, {"id": need_id})
    assert confirmed["confirmNeed"]["need"]["state"] == "CONFIRMED"
    assert [e["action"] for e in confirmed["confirmNeed"]["need"]["events"]["nodes"]] == [
        "POST",
        "PUBLISH",
        "CLAIM",
        "FULFIL",
        "CONFIRM",
    ]
    stored = await Need.get()
    assert (stored.state.value, stored.version) == ("confirmed", 5)
    assert await NeedEvent.all().count() == 5

"""Resources and services over GraphQL, matching both ways, rejecting and releasing needs."""

from __future__ import annotations

from domain.needs.post import NeedDraft, post_need
from domain.needs.steps import Claimant, claim_need, publish_need
from models.enums import ClaimantKind, ListCategory, NeedKind, NeedState
from models.lists import Need, ResourceOffer
from permissions.enums import Role
from schema.relay import to_global_id
from tests.support.factories import small_tree, user_with_role
from tests.support.graphql import GraphQLClient
from tests.support.people import party_member, person, unit, volunteer

RESOURCE = """mutation($input: CreateResourceOfferInput!) { createResourceOffer(input: $input) {
  __typename ... on ResourceOfferCreated { resourceOffer { id title isPublished provider { name } } }
  ... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"""
SERVICE = """mutation($input: CreateServiceOfferInput!) { createServiceOffer(input: $input) {
  __typename ... on ServiceOfferCreated { serviceOffer { id title schedule place { name } } }
  ... on Error { code } } }"""
SUGGEST = """query($id: ID!) { node(id: $id) { ... on Need { suggestions { kind title distance
  reasons } } } }"""
MATCHES = """query($id: ID!) { resourceMatches(resourceId: $id) { kind title targetId } }"""
REJECT = """mutation($id: ID!, $reason: String!) { rejectNeed(input: {id: $id, reason: $reason}) {
  __typename ... on NeedRejected { need { state events { nodes { action note } } } }
  ... on Error { code } ... on ValidationFailed { fieldErrors { field code } } } }"""
RELEASE = """mutation($id: ID!) { releaseNeed(input: {id: $id, reason: "临时出差"}) {
  __typename ... on NeedReleased { need { state claimant { name } } } ... on Error { code } } }"""
DRAFT = NeedDraft(NeedKind.NEED, ListCategory.HAIRCUT, "上门理发")


def gid(type_name: str, pk: int) -> str:
    return str(to_global_id(type_name, pk))


async def test_offers_are_recorded_and_matched_to_needs(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, cadre = await user_with_role(Role.COMMUNITY_CADRE, tree["north"])
    _, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    salon = await unit("阳光理发店", tree["north"])
    need = await post_need(
        draft=DRAFT, poster=await person("王奶奶", tree["north_building"]), actor_user_id=None
    )
    await publish_need(need, actor_user_id=None)
    await volunteer(await person("李师傅", tree["north_building"]), "理发", availability="周二上午")
    resource_input = {
        "providerKind": "CO_BUILDING_UNIT",
        "unitId": gid("CoBuildingUnit", salon.id),
        "title": "免费理发",
        "category": "HAIRCUT",
        "capacity": 10,
        "placeId": gid("Grid", tree["north"].id),
        "publish": True,
    }

    denied = await gql.as_(worker).data(RESOURCE, {"input": resource_input})
    assert denied["createResourceOffer"] == {
        "__typename": "PermissionDenied",
        "code": "permission_denied",
    }
    created = await gql.as_(cadre).data(RESOURCE, {"input": resource_input})
    offer = created["createResourceOffer"]["resourceOffer"]
    assert (offer["title"], offer["isPublished"], offer["provider"]) == (
        "免费理发",
        True,
        {"name": "阳光理发店"},
    )
    no_unit = await gql.as_(cadre).data(RESOURCE, {"input": {**resource_input, "unitId": None}})
    assert no_unit["createResourceOffer"]["fieldErrors"] == [
        {"field": "unitId", "code": "required"}
    ]
    service = await gql.as_(cadre).data(
        SERVICE,
        {
            "input": {
                "title": "六十岁以上老人免费理发",
                "category": "HAIRCUT",
                "schedule": "每周二上午",
                "placeId": gid("Grid", tree["north"].id),
                "publish": True,
            }
        },
    )
    assert service["createServiceOffer"]["serviceOffer"]["place"] == {"name": "振兴路社区"}

    suggested = await gql.as_(worker).data(SUGGEST, {"id": gid("Need", need.id)})
    assert [(s["kind"], s["title"], s["distance"]) for s in suggested["node"]["suggestions"]] == [
        ("volunteer", "李师傅", 0),
        ("resource", "免费理发", 2),
        ("service", "六十岁以上老人免费理发", 2),
    ]
    assert suggested["node"]["suggestions"][0]["reasons"] == [
        "skill 理发",
        "lives in this very place",
        "0 open claim(s)",
        "available 周二上午",
    ]
    matches = await gql.data(MATCHES, {"id": offer["id"]})
    assert matches["resourceMatches"] == [
        {"kind": "need", "title": "上门理发", "targetId": gid("PublicNeed", need.id)}
    ]
    assert await ResourceOffer.all().count() == 1


async def test_a_rejected_need_says_why_and_a_released_claim_is_published_again(
    gql: GraphQLClient,
) -> None:
    tree = await small_tree()
    _, worker = await user_with_role(Role.GRID_WORKER, tree["north_grid"])
    grandma = await person("王奶奶", tree["north_building"])
    first = await post_need(draft=DRAFT, poster=grandma, actor_user_id=None)
    second = await post_need(draft=DRAFT, poster=grandma, actor_user_id=None)
    await publish_need(second, actor_user_id=None)
    member = await party_member(await person("陈党员", tree["north_building"]))
    await claim_need(
        second,
        claimant=Claimant(ClaimantKind.PARTY_MEMBER, party_member=member),
        actor_user_id=None,
    )
    client = gql.as_(worker)

    blank = await client.data(REJECT, {"id": gid("Need", first.id), "reason": " "})
    assert blank["rejectNeed"]["fieldErrors"] == [{"field": "reason", "code": "required"}]
    rejected = await client.data(REJECT, {"id": gid("Need", first.id), "reason": "重复提交"})
    assert rejected["rejectNeed"]["need"]["state"] == "REJECTED"
    assert rejected["rejectNeed"]["need"]["events"]["nodes"][-1] == {
        "action": "REJECT",
        "note": "重复提交",
    }
    released = await client.data(RELEASE, {"id": gid("Need", second.id)})
    assert released["releaseNeed"]["need"] == {"state": "PUBLISHED", "claimant": None}
    assert (await Need.get(id=second.id)).state is NeedState.PUBLISHED

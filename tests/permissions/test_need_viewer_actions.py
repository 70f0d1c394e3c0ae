"""``Need.viewerActions`` tells the truth: for every need state the matrix world holds, every
actor and every relation to the need (its poster, its claimant, a neighbour's in the north, one
in the south), each need mutation is tried on a fresh need; it succeeds exactly when its action
was listed, and otherwise answers PermissionDenied, InvalidTransition or NotFound.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from domain.needs.steps import Claimant, claim_need, confirm_need, fulfil_need, reject_need
from models.enums import ClaimantKind, NeedAction, NeedState
from models.lists import Need
from models.people import Person
from tests.support.graphql import GraphQLClient
from tests.support.matrix import ACTORS, OTHER, SAME, World, build_world, gid
from tests.support.matrix_lists import member_of, need_of, neighbour, own_person, unit_at

POSTER, CLAIMANT = "poster", "claimant"  # the actor's person posted it, or claimed it
RELATIONS = (POSTER, CLAIMANT, SAME, OTHER)
STATES = (
    NeedState.POSTED,
    NeedState.PUBLISHED,
    NeedState.CLAIMED,
    NeedState.FULFILLED,
    NeedState.CONFIRMED,
    NeedState.REJECTED,
)
MUTATIONS = {
    NeedAction.PUBLISH: ("publishNeed", {}),
    NeedAction.REJECT: ("rejectNeed", {"reason": "不属实"}),
    NeedAction.CLAIM: ("claimNeed", {}),
    NeedAction.RELEASE: ("releaseNeed", {}),
    NeedAction.FULFIL: ("fulfilNeed", {"evidence": "送到"}),
    NeedAction.CONFIRM: ("confirmNeed", {}),
}
# The resident whose need it is cannot claim it: the claimant they name is refused as a field.
REFUSALS = {"PermissionDenied", "InvalidTransition", "NotFound", "401", "ValidationFailed:own_need"}
LISTED = """query($need: ID!, $public: ID!) {
  need: node(id: $need) { ... on Need { viewerActions } }
  board: node(id: $public) { ... on PublicNeed { viewerActions } } }"""


async def _need(world: World, mine: Person | None, relation: str, state: NeedState) -> Need | None:
    """A fresh need in ``state`` as the actor (whose person is ``mine``) relates to it."""
    if relation in (POSTER, CLAIMANT) and mine is None:
        return None
    if relation == CLAIMANT and state in (
        NeedState.POSTED,
        NeedState.PUBLISHED,
        NeedState.REJECTED,
    ):
        return None  # nobody claimed it yet: the same as a neighbour's
    place = OTHER if relation == OTHER else SAME
    who = mine if relation == POSTER and mine is not None else await neighbour(world, place)
    need = await need_of(
        who, publish=state is not NeedState.POSTED and state is not NeedState.REJECTED
    )
    if state is NeedState.REJECTED:
        return await reject_need(need, reason="重复", actor_user_id=None)
    if state in (NeedState.POSTED, NeedState.PUBLISHED):
        return need
    helper = mine if relation == CLAIMANT and mine is not None else await neighbour(world, place)
    kind = Claimant(ClaimantKind.PARTY_MEMBER, party_member=await member_of(helper))
    need = await claim_need(need, claimant=kind, actor_user_id=None)
    if state is NeedState.CLAIMED:
        return need
    need = await fulfil_need(need, evidence="送到", actor_user_id=None)
    if state is NeedState.FULFILLED:
        return need
    return await confirm_need(need, actor_user_id=None)


async def _listed(client: GraphQLClient, need: Need) -> set[str] | None:
    body = await client(
        LISTED, {"need": gid("Need", need.id), "public": gid("PublicNeed", need.id)}
    )
    if "errors" in body or body.get("data") is None:
        return None
    seen = body["data"]["need"] or body["data"]["board"]
    return None if seen is None else set(seen["viewerActions"])


async def _answer(client: GraphQLClient, mutation: str, variables: dict[str, Any]) -> str:
    type_name = mutation[0].upper() + mutation[1:] + "Input"
    document = (
        f"mutation($input: {type_name}!) {{ {mutation}(input: $input) {{ __typename "
        "... on ValidationFailed { fieldErrors { code } } } }"
    )
    response = await client.post(document, {"input": variables})
    if response.status_code == 401:
        return "401"
    body = response.json()
    assert "errors" not in body, body
    result = body["data"][mutation]
    typename: str = result["__typename"]
    codes = [e["code"] for e in result.get("fieldErrors", [])]
    return ":".join([typename, *codes])


@pytest.mark.parametrize("actor", list(ACTORS))
async def test_need_viewer_actions_are_what_succeeds(unlimited: GraphQLClient, actor: str) -> None:
    gql = unlimited
    world = await build_world()
    mine = await own_person(world, actor)  # a claim as oneself needs a party member
    if mine is not None:
        await member_of(mine)
    client = world.client(gql, actor)
    problems = []
    promised = 0
    for relation, state, action in itertools.product(RELATIONS, STATES, MUTATIONS):
        # given a fresh need in this state
        need = await _need(world, mine, relation, state)
        if need is None:
            continue
        mutation, extra = MUTATIONS[action]
        variables = {"id": gid("Need", need.id), **extra}
        if action is NeedAction.CLAIM:
            if mine is not None:
                variables["claimantKind"] = "PARTY_MEMBER"
            else:  # no person of one's own: a claim recorded for a unit
                unit = await unit_at(world, SAME)
                variables["claimantKind"] = "CO_BUILDING_UNIT"
                variables["claimantId"] = gid("CoBuildingUnit", unit.id)
        listed = await _listed(client, need)
        # when the actor tries the action's mutation
        answer = await _answer(client, mutation, variables)
        # then it succeeds exactly when viewerActions listed it
        promises = listed is not None and action.name in listed
        promised += promises
        cell = f"{mutation} × {relation} × {state.name}: listed {sorted(listed or [])}"
        if promises and answer.split(":")[0] in REFUSALS | {"ValidationFailed", "Conflict"}:
            problems.append(f"{cell}, but answered {answer}")
        if not promises and answer not in REFUSALS:
            problems.append(f"{cell}, but answered {answer}")
    assert problems == []
    assert (promised > 0) == (actor != "anonymous")

"""``Case.viewerActions`` tells the truth: for every case state the matrix world can hold,
every actor of the permission matrix and every relation (own, same place, other place), each
case mutation is tried on a fresh case; it succeeds exactly when one of its actions was listed
for that case, and otherwise answers PermissionDenied, InvalidTransition or NotFound.

No answer is written down here: the mutations are the oracle.
"""

from __future__ import annotations

import itertools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from models.case_records import CaseExtension
from models.cases import Case, CaseCategory
from models.enums import CaseAction, CaseState, DepartmentKind
from models.org import Department
from tests.support.graphql import GraphQLClient
from tests.support.matrix import ACTORS, RELATIONS, World, build_world, gid
from tests.support.matrix_cases import FILES, RESPONDER, make_case

A = CaseAction
_serial = itertools.count(1)
Extra = Callable[[World, str, str, Case], Awaitable[dict[str, Any] | None]]


def fixed(**fields: Any) -> Extra:
    async def extra(world: World, actor: str, relation: str, case: Case) -> dict[str, Any]:
        return dict(fields)

    return extra


async def _accept(world: World, actor: str, relation: str, case: Case) -> dict[str, Any]:
    category = await CaseCategory.create(name=f"公共设施{next(_serial)}")
    return {"caseClass": "COORDINATION", "categoryId": gid("CaseCategory", category.id)}


async def _dispatch(world: World, actor: str, relation: str, case: Case) -> dict[str, Any]:
    # a department the case was never sent to, so a repeat is not what refuses it
    fresh = await Department.create(name=f"街道办{next(_serial)}", kind=DepartmentKind.GOVERNMENT)
    return {"targets": [{"departmentId": gid("Department", fresh.id)}]}


async def _decide(world: World, actor: str, relation: str, case: Case) -> dict[str, Any]:
    asked = await CaseExtension.create(
        case_id=case.id, days=2, reason="等配件", requested_by_id=world.users[RESPONDER].id
    )
    return {"extensionId": gid("CaseExtension", asked.id), "approve": False, "note": "按期办"}


async def _merge(world: World, actor: str, relation: str, case: Case) -> dict[str, Any] | None:
    original = await make_case(world, actor, relation)
    return None if original is None else {"originalId": gid("Case", original.id)}


@dataclass(frozen=True)
class Row:
    mutation: str
    actions: frozenset[CaseAction]  # listing any of these promises the mutation succeeds
    extra: Extra


ROWS = [
    Row("acceptCase", frozenset({A.ACCEPT}), _accept),
    Row("rejectCase", frozenset({A.REJECT}), fixed(reason="不属实")),
    Row("dispatchCase", frozenset({A.DISPATCH}), _dispatch),
    Row("signForCase", frozenset({A.SIGN}), fixed()),
    Row("returnCase", frozenset({A.RETURN_CASE, A.RETURN_DISPATCH}), fixed(reason="非本单位")),
    Row("requestExtension", frozenset({A.REQUEST_EXTENSION}), fixed(days=2, reason="等配件")),
    Row("decideExtension", frozenset({A.DECIDE_EXTENSION}), _decide),
    Row("resolveCase", frozenset({A.RESOLVE}), fixed(result="已处理")),
    Row("verifyCase", frozenset({A.VERIFY_PASS}), fixed(passed=True)),
    Row("replyToReporter", frozenset({A.REPLY}), fixed(text="已答复")),
    Row("rateCase", frozenset({A.RATE_SATISFIED}), fixed(score=5)),
    Row("closeCase", frozenset({A.CLOSE}), fixed(explanation="已解释")),
    Row("mergeCase", frozenset({A.MERGE}), _merge),
    Row("commentOnCase", frozenset({A.COMMENT}), fixed(text="备注")),
    Row("attachToCase", frozenset({A.ATTACH}), fixed(files=FILES)),
    Row("escalateCase", frozenset({A.ESCALATE}), fixed(reason="协调不动")),
]
REFUSALS = {"PermissionDenied", "InvalidTransition", "NotFound", "401"}
VIEWER_ACTIONS = "query($id: ID!) { node(id: $id) { ... on Case { viewerActions } } }"


def _document(mutation: str) -> str:
    type_name = mutation[0].upper() + mutation[1:] + "Input"
    return f"mutation($input: {type_name}!) {{ {mutation}(input: $input) {{ __typename }} }}"


async def _listed(client: GraphQLClient, case: Case) -> set[str] | None:
    """The case's viewerActions as the client sees them (None: the case is not visible)."""
    body = await client(VIEWER_ACTIONS, {"id": gid("Case", case.id)})
    if "errors" in body or body.get("data") is None:
        return None
    node = body["data"]["node"]
    return None if node is None else set(node["viewerActions"])


async def _answer(client: GraphQLClient, mutation: str, variables: dict[str, Any]) -> str:
    response = await client.post(_document(mutation), {"input": variables})
    if response.status_code == 401:
        return "401"
    body = response.json()
    assert "errors" not in body, body
    typename: str = body["data"][mutation]["__typename"]
    return typename


@pytest.mark.parametrize("actor", list(ACTORS))
async def test_viewer_actions_are_what_succeeds(unlimited: GraphQLClient, actor: str) -> None:
    gql = unlimited
    world = await build_world()
    client = world.client(gql, actor)
    problems = []
    promised = 0
    for relation, state, row in itertools.product(RELATIONS, CaseState, ROWS):
        # given a fresh case in this state, as this actor relates to it
        case = await make_case(world, actor, relation, state)
        if case is None:
            continue
        extra = await row.extra(world, actor, relation, case)
        if extra is None:
            continue
        listed = await _listed(client, case)
        # when the actor tries the mutation
        answer = await _answer(client, row.mutation, {"caseId": gid("Case", case.id), **extra})
        # then it succeeds exactly when viewerActions promised it
        promises = listed is not None and bool(listed & {a.name for a in row.actions})
        promised += promises
        cell = f"{row.mutation} × {relation} × {state.name}: listed {sorted(listed or [])}"
        if promises and answer in REFUSALS | {"ValidationFailed", "Conflict"}:
            problems.append(f"{cell}, but answered {answer}")
        if not promises and answer not in REFUSALS:
            problems.append(f"{cell}, but answered {answer}")
    assert problems == []
    # every actor but a visitor may take some action somewhere
    assert (promised > 0) == (actor != "anonymous")

"""Queries are counted: a page of findings with the cases they became costs the same SQL for
two findings as for twenty; and a link that fails after the case was written takes it back."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from domain.case_links import CaseDetails, finding_to_case
from domain.cases.common import CaseActor
from domain.errors import ConflictError
from domain.patrols import record_finding, start_patrol
from models.case_records import CaseEvent
from models.cases import Case
from models.enums import FindingKind
from models.patrols import Patrol, PatrolFinding
from tests.schema.test_list_query_counts import _statements
from tests.support.cases import World, build_world, gid
from tests.support.graphql import GraphQLClient

PAGE = """query($id: ID!) { node(id: $id) { ... on Patrol {
  findings(first: 20) { nodes { description case { id channel } } } } } }"""


async def _findings(world: World, patrol: Patrol, count: int) -> list[PatrolFinding]:
    actor = CaseActor(user_id=world.users["worker"], role="grid_worker")
    found = []
    for index in range(count):
        finding = await record_finding(
            patrol=patrol, kind=FindingKind.DIRTY_ENVIRONMENT, description=f"垃圾堆放 {index}"
        )
        await finding_to_case(
            finding=finding,
            details=CaseDetails(),
            actor=actor,
            reporter=None,
            reporter_name="巡查",
            upload_dir=Path("unused"),
        )
        found.append(finding)
    return found


async def test_a_page_of_twenty_linked_findings_costs_the_same_as_two(
    gql: GraphQLClient, caplog: pytest.LogCaptureFixture
) -> None:
    # given two rounds, one with two findings and one with twenty, each turned into a case
    world = await build_world(gql)
    costs = []
    for count, worker in ((2, "worker"), (20, "micro")):
        patrol = await start_patrol(
            grid=world.tree["north_grid"], worker_user_id=world.users[worker], worker_person_id=None
        )
        await _findings(world, patrol, count)

        # when the grid worker reads a page of the round's findings with their cases
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="tortoise.db_client"):
            body = await world.as_("worker").data(PAGE, {"id": gid("Patrol", patrol.id)})

        # then every finding shows its case
        nodes = body["node"]["findings"]["nodes"]
        assert [n["case"]["channel"] for n in nodes] == ["PATROL"] * count
        costs.append(len(_statements(caplog)))
    # the patrol, the page of findings, and one batch of visible cases
    assert costs == [3, 3]


async def test_a_link_that_fails_after_the_case_was_written_takes_the_case_back(
    gql: GraphQLClient,
) -> None:
    # given a finding another caller linked to a case after this caller read it
    world = await build_world(gql)
    patrol = await start_patrol(
        grid=world.tree["north_grid"], worker_user_id=world.users["worker"], worker_person_id=None
    )
    [finding] = await _findings(world, patrol, 1)
    stale = await PatrolFinding.get(id=finding.id)
    stale.case_id = None

    # when this caller turns its stale copy into a case
    with pytest.raises(ConflictError):
        await finding_to_case(
            finding=stale,
            details=CaseDetails(),
            actor=CaseActor(user_id=world.users["cadre"], role="community_cadre"),
            reporter=None,
            reporter_name="巡查",
            upload_dir=Path("unused"),
        )

    # then the case it submitted and its event were rolled back with the failed link
    assert (await Case.all().count(), await CaseEvent.all().count()) == (1, 1)
    assert (await PatrolFinding.get(id=finding.id)).case_id == (await Case.get()).id

"""``/metrics``: Prometheus's text format for admins only, with bounded labels; the sweep's
runs are counted by the server that runs it."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from prometheus_client import REGISTRY
from tortoise.exceptions import DoesNotExist, OperationalError

from api import metrics
from api.metrics import operation_label
from api.periodic import periodic_sweep
from domain.case_sweep import SweepReport
from models.cases import Case
from permissions.enums import Role
from tests.support.apps import app_with
from tests.support.factories import late_case, small_tree, user_with_role
from tests.support.graphql import GraphQLClient


def sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_an_admin_reads_the_request_counters_by_operation_and_outcome(
    gql: GraphQLClient,
) -> None:
    _, token = await user_with_role(Role.ADMIN)
    ok_before = sample("minqing_requests_total", operation="MetricsProbe", outcome="ok")
    bad_before = sample("minqing_requests_total", operation="anonymous", outcome="invalid_query")
    codes_before = sample("minqing_errors_total", code="invalid_query")
    timed_before = sample("minqing_request_duration_seconds_count", operation="MetricsProbe")

    for _ in range(2):
        assert await gql.data("query MetricsProbe { apiVersion }") == {"apiVersion": "1"}
    await gql("{ nope }")
    response = await gql.http.get("/metrics", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert 'minqing_requests_total{operation="MetricsProbe",outcome="ok"}' in response.text
    assert "minqing_request_duration_seconds_bucket" in response.text
    assert sample("minqing_requests_total", operation="MetricsProbe", outcome="ok") == ok_before + 2
    assert (
        sample("minqing_requests_total", operation="anonymous", outcome="invalid_query")
        == bad_before + 1
    )
    assert sample("minqing_errors_total", code="invalid_query") == codes_before + 1
    assert (
        sample("minqing_request_duration_seconds_count", operation="MetricsProbe")
        == timed_before + 2
    )


async def test_anonymous_is_401_and_a_non_admin_is_403(gql: GraphQLClient) -> None:
    tree = await small_tree()
    _, token = await user_with_role(Role.GRID_WORKER, tree["north_grid"])

    anonymous = await gql.http.get("/metrics")
    worker = await gql.http.get("/metrics", headers={"Authorization": f"Bearer {token}"})
    forged = await gql.http.get("/metrics", headers={"Authorization": "Bearer mqs_forged"})

    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "unauthenticated"
    assert worker.status_code == 403
    assert worker.json()["errors"][0]["extensions"]["code"] == "permission_denied"
    assert forged.status_code == 401
    assert forged.json()["errors"][0]["extensions"]["code"] == "invalid_token"
    assert "minqing_requests_total" not in anonymous.text + worker.text + forged.text


async def test_rate_limited_requests_are_counted(db: str) -> None:
    before = sample("minqing_rate_limited_total")
    limited = sample("minqing_requests_total", operation="anonymous", outcome="rate_limited")

    async with app_with(db, MINQING_RATE_LIMIT_PER_SECOND="0.5", MINQING_RATE_LIMIT_BURST="2") as c:
        statuses = [(await c.post("{ apiVersion }")).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert sample("minqing_rate_limited_total") == before + 1
    assert (
        sample("minqing_requests_total", operation="anonymous", outcome="rate_limited")
        == limited + 1
    )


def test_operation_names_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "_operations", set())
    monkeypatch.setattr(metrics, "MAX_OPERATIONS", 2)

    assert operation_label(None) == "anonymous"
    assert operation_label("") == "anonymous"
    assert operation_label("Cases") == "Cases"
    assert operation_label("x" * 65) == "other"
    assert operation_label("drop table; --") == "other"
    assert operation_label("People") == "People"
    assert operation_label("Third") == "other"  # a third distinct name
    assert operation_label("Cases") == "Cases"  # a name already counted stays itself


async def test_a_sweep_run_counts_its_run_and_the_steps_it_marked(db: str) -> None:
    tree = await small_tree()
    place = tree["north_building"]
    case = await late_case(place)
    runs = sample("minqing_sweep_runs_total", outcome="ok")
    marked = sample("minqing_sweep_marked_total", kind="accept_overdue")

    async with periodic_sweep(60):
        for _ in range(100):
            if sample("minqing_sweep_runs_total", outcome="ok") > runs:
                break
            await asyncio.sleep(0.05)

    assert (await Case.get(id=case.id)).was_overdue
    assert sample("minqing_sweep_runs_total", outcome="ok") == runs + 1
    assert sample("minqing_sweep_marked_total", kind="accept_overdue") == marked + 1


def test_a_failed_sweep_is_counted_as_failed() -> None:
    failed = sample("minqing_sweep_runs_total", outcome="failed")
    metrics.record_sweep(None)
    metrics.record_sweep(SweepReport())
    assert sample("minqing_sweep_runs_total", outcome="failed") == failed + 1


async def test_a_database_failure_in_an_operation_is_counted(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def locked(**kwargs: object) -> None:
        raise OperationalError("database is locked")

    monkeypatch.setattr("schema.mutations.login.open_session", locked)
    before = sample("minqing_database_errors_total")

    body = await gql('mutation { login(input: {login: "a", password: "b"}) { __typename } }')

    assert body["errors"][0]["extensions"]["code"] == "internal_error"
    assert sample("minqing_database_errors_total") == before + 1


@pytest.mark.parametrize(
    ("error", "counted"),
    [
        (OperationalError("database is locked"), True),
        (sqlite3.OperationalError("disk I/O error"), True),
        (RuntimeError("wrapped"), False),
        (DoesNotExist("no such row"), False),  # a bug in how it was asked, not the database
    ],
)
def test_which_errors_are_the_database_failing(error: Exception, counted: bool) -> None:
    assert metrics.is_database_error(error) is counted


def test_a_database_error_under_another_is_found() -> None:
    try:
        try:
            raise sqlite3.OperationalError("database is locked")
        except sqlite3.Error as inner:
            raise RuntimeError("the verb failed") from inner
    except RuntimeError as outer:
        assert metrics.is_database_error(outer)

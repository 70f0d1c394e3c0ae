"""Bad input: typed errors naming the field or the state, and nothing half-written."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from models.case_records import CaseAttachment, CaseEvent, CaseExtension
from models.cases import Case
from tests.support.cases import World, build_world, gid, ok, run, submit
from tests.support.graphql import GraphQLClient

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def file(content: bytes, content_type: str = "image/png", name: str = "gate.png") -> dict[str, str]:
    return {
        "filename": name,
        "contentType": content_type,
        "contentBase64": base64.b64encode(content).decode(),
    }


async def counts() -> tuple[int, int, int]:
    return (
        await Case.all().count(),
        await CaseEvent.all().count(),
        await CaseAttachment.all().count(),
    )


def base(world: World, **extra: Any) -> dict[str, Any]:
    return {
        "title": "路灯不亮",
        "description": "3栋门口路灯坏了",
        "channel": "ONLINE",
        "placeId": world.place("north_building"),
        **extra,
    }


async def test_bad_submissions_name_the_field_and_write_nothing(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    resident = world.as_("resident")
    cases = [
        ({"title": "  "}, "title", "required"),
        ({"latitude": 91.0}, "latitude", "out_of_range"),
        ({"buildingId": world.place("south_building")}, "buildingId", "bad_building"),
        (
            {"attachments": [file(b"GIF89a", "image/gif")]},
            "attachments.0.contentType",
            "forbidden_type",
        ),
        ({"attachments": [file(b"not a png")]}, "attachments.0.contentBase64", "type_mismatch"),
        (
            {"attachments": [file(PNG + b"\x00" * (5 * 1024 * 1024))]},
            "attachments.0.contentBase64",
            "file_too_large",
        ),
        ({"reporterName": "代报人", "reporterPhone": "12345"}, "reporterPhone", "bad_phone"),
    ]
    for extra, field, code in cases:
        result = await run(resident, "submitCase", **base(world, **extra))
        assert result["__typename"] == "ValidationFailed", (extra, result)
        assert result["fieldErrors"] == [{"field": field, "code": code}]
    unknown = await run(resident, "submitCase", **base(world, categoryId=gid("CaseCategory", 999)))
    assert (unknown["__typename"], unknown["code"]) == ("NotFound", "not_found")
    assert await counts() == (0, 0, 0)


async def test_an_attachment_is_stored_once_with_its_hash(
    gql: GraphQLClient, tmp_path: Path
) -> None:
    world = await build_world(gql)
    case = await ok(world.as_("resident"), "submitCase", **base(world, attachments=[file(PNG)]))
    row = await CaseAttachment.get(case_id=int(base64.b64decode(case["id"]).split(b":")[1]))
    assert (row.size, row.content_type, row.filename) == (len(PNG), "image/png", "gate.png")
    assert (tmp_path / "uploads" / row.storage_path).read_bytes() == PNG
    assert row.sha256 == "a" * 0 + __import__("hashlib").sha256(PNG).hexdigest()


async def test_the_same_idempotency_key_returns_the_same_case_and_another_payload_conflicts(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    resident = world.as_("resident")
    first = await ok(resident, "submitCase", **base(world, idempotencyKey="retry-0001"))
    again = await ok(resident, "submitCase", **base(world, idempotencyKey="retry-0001"))
    assert again["id"] == first["id"]
    other = await run(
        resident, "submitCase", **base(world, idempotencyKey="retry-0001", title="别的事")
    )
    assert other["__typename"] == "Conflict"
    stranger = await run(
        world.as_("south_resident"), "submitCase", **base(world, idempotencyKey="retry-0001")
    )
    assert stranger["__typename"] == "Conflict"  # never someone else's case
    assert await counts() == (1, 1, 0)


async def test_an_action_from_the_wrong_state_names_the_state_and_changes_nothing(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    case_id = (await submit(world))["id"]
    result = await run(world.as_("worker"), "replyToReporter", caseId=case_id, text="好了")
    assert result["__typename"] == "InvalidTransition"
    assert result["state"] == "submitted"
    assert result["allowedActions"] == [
        "accept",
        "reject",
        "merge",
        "comment",
        "attach",
        "escalate",
    ]
    assert result["allowedCaseActions"] == [a.upper() for a in result["allowedActions"]]
    assert result["allowedNeedActions"] is None
    assert await counts() == (1, 1, 0)
    row = await Case.get(title="小区大门损坏")
    assert (row.state.value, row.version) == ("submitted", 1)


async def test_a_stale_version_is_a_conflict(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    case_id = (await submit(world))["id"]
    await ok(world.as_("worker"), "commentOnCase", caseId=case_id, text="已联系物业")
    stale = await run(
        world.as_("worker"), "rejectCase", caseId=case_id, reason="重复", expectedVersion=1
    )
    assert stale["__typename"] == "Conflict"
    row = await Case.get(title="小区大门损坏")
    assert (row.state.value, row.version) == ("submitted", 2)


async def test_reject_needs_a_reason_and_a_coordination_case_cannot_skip_dispatch(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    worker = world.as_("worker")
    case_id = (await submit(world))["id"]
    missing = await run(worker, "rejectCase", caseId=case_id, reason="")
    assert missing["fieldErrors"] == [{"field": "reason", "code": "required"}]
    no_category = await run(worker, "acceptCase", caseId=case_id, caseClass="COORDINATION")
    assert no_category["fieldErrors"] == [{"field": "categoryId", "code": "required"}]
    await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    skipped = await run(worker, "resolveCase", caseId=case_id, result="已修")
    assert skipped["__typename"] == "InvalidTransition"
    assert "resolve" not in skipped["allowedActions"]
    summons = await run(
        worker,
        "dispatchCase",
        caseId=case_id,
        targets=[{"departmentId": world.dept("heating")}, {"departmentId": world.dept("railway")}],
    )
    assert summons["fieldErrors"] == [{"field": "targets", "code": "one_lead"}]
    assert [e.action.value for e in await CaseEvent.all().order_by("id")] == ["submit", "accept"]


async def test_extension_requested_by_the_department_and_approved_by_a_cadre(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    case_id = (await submit(world))["id"]
    worker = world.as_("worker")
    await ok(
        worker,
        "acceptCase",
        caseId=case_id,
        caseClass="COORDINATION",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    await ok(
        worker, "dispatchCase", caseId=case_id, targets=[{"departmentId": world.dept("property")}]
    )
    await ok(world.as_("property"), "signForCase", caseId=case_id)
    before = (await Case.get(title="小区大门损坏")).handle_due_at
    too_long = await run(
        world.as_("property"), "requestExtension", caseId=case_id, days=31, reason="等配件"
    )
    assert too_long["fieldErrors"] == [{"field": "days", "code": "out_of_range"}]
    await ok(world.as_("property"), "requestExtension", caseId=case_id, days=3, reason="等配件")
    extension = await CaseExtension.get(case_id=(await Case.get(title="小区大门损坏")).id)
    denied = await world.as_("worker").data(
        """mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { __typename } }""",
        {
            "input": {
                "caseId": case_id,
                "extensionId": gid("CaseExtension", extension.id),
                "approve": True,
            }
        },
    )
    assert denied["decideExtension"]["__typename"] == "PermissionDenied"
    decided = await world.as_("cadre").data(
        """mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { __typename } }""",
        {
            "input": {
                "caseId": case_id,
                "extensionId": gid("CaseExtension", extension.id),
                "approve": True,
            }
        },
    )
    assert decided["decideExtension"]["__typename"] == "CaseUpdated"
    after = (await Case.get(title="小区大门损坏")).handle_due_at
    assert before is not None and after is not None and after > before
    assert (await CaseExtension.get(id=extension.id)).state.value == "approved"


async def test_merge_links_both_ways_and_the_duplicates_reporter_follows_the_original(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    original = await submit(world, who="resident")
    duplicate = await submit(world, who="south_resident", place="north_building")
    merged = await run(
        world.as_("cadre"), "mergeCase", caseId=duplicate["id"], originalId=original["id"]
    )
    assert merged["__typename"] == "CaseUpdated"
    assert merged["case"]["state"] == "MERGED"
    seen = await world.as_("south_resident").data("{ cases { nodes { id state } } }")
    assert sorted(n["id"] for n in seen["cases"]["nodes"]) == sorted(
        [original["id"], duplicate["id"]]
    )
    linked = await world.as_("cadre").data(
        "query($id: ID!) { node(id: $id) { ... on Case { duplicates { id } } } }",
        {"id": original["id"]},
    )
    assert linked["node"]["duplicates"] == [{"id": duplicate["id"]}]


async def test_an_emergency_alerts_the_community_and_street_cadres_at_once(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql)
    case_id = (await submit(world, title="燃气泄漏"))["id"]
    case = await ok(
        world.as_("worker"),
        "acceptCase",
        caseId=case_id,
        caseClass="EMERGENCY",
        categoryId=gid("CaseCategory", world.categories["facilities"].id),
    )
    assert case["deadline"]["handleDueAt"] is not None
    for who in ("cadre", "street_cadre"):
        body = await world.as_(who).data("{ myNotifications { nodes { kind message } } }")
        assert body["myNotifications"]["nodes"] == [
            {"kind": "EMERGENCY", "message": "突发事项：燃气泄漏"}
        ]
    body = await world.as_("worker").data("{ myNotifications { totalCount } }")
    assert body["myNotifications"]["totalCount"] == 0

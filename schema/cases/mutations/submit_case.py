"""submitCase (说事): a resident reports, a worker records on someone's behalf, a partner app
forwards. Retries with the same ``idempotencyKey`` and input return the same case."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.cases.common import CaseActor
from domain.cases.submit import CaseReport, place_by_coordinates, submit_case
from domain.errors import NotFoundError, PermissionDeniedError
from models.enums import CaseChannel, CaseUrgency
from models.people import Person
from permissions.case_roles import submit_role
from schema.cases.access import category_by_id
from schema.cases.inputs import FileInput, decode_files
from schema.cases.types import CaseType
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.lookup import visible_grid
from schema.relay import parse_pk


@strawberry.input(description="A new concern. Omit the reporter fields to report as yourself.")
class SubmitCaseInput:
    title: str = strawberry.field(description="Short title, at most 100 characters.")
    description: str = strawberry.field(description="What happened, at most 2000 characters.")
    channel: CaseChannel = strawberry.field(description="Where it came in.")
    place_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The smallest grid node known; omit it to file the case under the smallest "
        "place whose boundary contains `latitude`/`longitude`.",
    )
    building_id: strawberry.ID | None = strawberry.field(
        default=None, description="The building, inside the place."
    )
    address: str = strawberry.field(default="", description="Free-text address.")
    latitude: float | None = strawberry.field(
        default=None, description="GCJ-02 latitude, as Chinese map SDKs give it."
    )
    longitude: float | None = strawberry.field(
        default=None, description="GCJ-02 longitude, as Chinese map SDKs give it."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A category, if the reporter knows it."
    )
    urgency: CaseUrgency = strawberry.field(default=CaseUrgency.NORMAL, description="How urgent.")
    reporter_id: strawberry.ID | None = strawberry.field(
        default=None, description="Reporting on a known resident's behalf: their Person ID."
    )
    reporter_name: str | None = strawberry.field(
        default=None, description="Reporting on someone's behalf: their name."
    )
    reporter_phone: str = strawberry.field(default="", description="And their phone.")
    idempotency_key: str | None = strawberry.field(
        default=None, description="8–64 characters; a retry with the same key returns the case."
    )
    attachments: list[FileInput] | None = strawberry.field(
        default=None, description="Photos or documents (at most 9)."
    )


@strawberry.type(description="The case was received.")
class CaseSubmitted:
    case: CaseType = strawberry.field(description="The new (or, on a retry, the same) case.")


SubmitCaseResult = Annotated[
    CaseSubmitted | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("SubmitCaseResult", description="The result of submitCase."),
]


async def submit_case_mutation(info: Info, input: SubmitCaseInput) -> SubmitCaseResult:
    viewer = info.context.viewer
    if input.place_id is not None:
        place = await visible_grid(info, input.place_id, field="placeId")
    else:
        place = await place_by_coordinates(input.latitude, input.longitude)
    building = None
    if input.building_id is not None:
        building = await visible_grid(info, input.building_id, field="buildingId")
    reporter_id = None
    if input.reporter_id is not None:
        reporter_id = parse_pk(input.reporter_id, field="reporterId", expected="Person")
        if not await Person.exists(id=reporter_id):
            raise NotFoundError("Person", input.reporter_id, field="reporterId")
    for_self = input.reporter_name is None and reporter_id is None and viewer.person_id is not None
    role = submit_role(viewer, place.path, for_self=for_self)
    if role is None:
        raise PermissionDeniedError("You may not report a case here")
    channel = input.channel
    if viewer.token_id is not None:
        channel = CaseChannel.PARTNER_APP if channel is CaseChannel.ONLINE else channel
    report = CaseReport(
        title=input.title,
        description=input.description,
        channel=channel,
        place=place,
        building=building,
        address=input.address,
        latitude=input.latitude,
        longitude=input.longitude,
        category=await category_by_id(input.category_id),
        urgency=input.urgency,
        reporter_id=viewer.person_id if for_self else reporter_id,
        reporter_name=input.reporter_name or "",
        reporter_phone=input.reporter_phone,
        files=decode_files(input.attachments, field="attachments"),
    )
    actor = CaseActor(
        user_id=viewer.user_id, token_id=viewer.token_id, person_id=viewer.person_id, role=role
    )
    case = await submit_case(
        report=report,
        actor=actor,
        upload_dir=info.context.upload_dir,
        idempotency_key=input.idempotency_key,
    )
    return CaseSubmitted(case=CaseType.from_model(case))

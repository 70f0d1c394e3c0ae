"""submit_case (说事/收件): a resident, a worker on someone's behalf, or a partner app reports."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tortoise.transactions import in_transaction

from domain import case_month_figures as month_figures
from domain.boundaries.lookup import place_at
from domain.calendar import SHANGHAI
from domain.case_deadlines import accept_deadline
from domain.case_workflow import INITIAL
from domain.cases.common import CaseActor, clean_text
from domain.cases.files import UploadedFile, check_files, describe, store_files
from domain.clock import moment as now
from domain.error_codes import BoundaryErrorCode, CaseErrorCode, InputErrorCode
from domain.errors import ConflictError, FieldError, ValidationFailedError
from domain.validation import clean_phone
from models.case_records import CaseEvent
from models.cases import Case, CaseCategory, place_columns
from models.enums import AttachmentKind, CaseAction, CaseChannel, CaseState, CaseUrgency, GridLevel
from models.grid import GridNode


@dataclass(frozen=True)
class CaseReport:
    """What the reporter says, as cleaned input."""

    title: str
    description: str
    channel: CaseChannel
    place: GridNode
    building: GridNode | None = None
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    category: CaseCategory | None = None
    urgency: CaseUrgency = CaseUrgency.NORMAL
    reporter_id: int | None = None
    reporter_name: str = ""
    reporter_phone: str = ""
    files: list[UploadedFile] = field(default_factory=list)

    def fingerprint(self) -> str:
        data = asdict(self)
        data.update(
            place=self.place.id,
            building=self.building.id if self.building else None,
            category=self.category.id if self.category else None,
            files=[f.sha256 for f in self.files],
        )
        return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


async def place_by_coordinates(latitude: float | None, longitude: float | None) -> GridNode:
    """The place a report without one is filed under: the smallest whose boundary contains
    its GCJ-02 point."""
    if latitude is None or longitude is None:
        message = "Name the place, or give both latitude and longitude"
        raise ValidationFailedError(
            [FieldError("placeId", message, InputErrorCode.REQUIRED)]
            + [
                FieldError(name, message, InputErrorCode.REQUIRED)
                for name, value in (("latitude", latitude), ("longitude", longitude))
                if value is None
            ]
        )
    place = await place_at(latitude, longitude)
    if place is None:
        raise ValidationFailedError.one(
            "latitude",
            f"No place's boundary contains ({latitude}, {longitude}); name the place",
            BoundaryErrorCode.NOT_COVERED,
        )
    return place


def _check(report: CaseReport) -> None:
    if report.building is not None and (
        report.building.level != GridLevel.BUILDING
        or not report.building.path.startswith(report.place.path)
    ):
        raise ValidationFailedError.one(
            "buildingId", "Must be a building in the case's place", CaseErrorCode.BAD_BUILDING
        )
    if report.latitude is not None and not -90 <= report.latitude <= 90:
        raise ValidationFailedError.one(
            "latitude", "Between -90 and 90", InputErrorCode.OUT_OF_RANGE
        )
    if report.longitude is not None and not -180 <= report.longitude <= 180:
        raise ValidationFailedError.one(
            "longitude", "Between -180 and 180", InputErrorCode.OUT_OF_RANGE
        )
    if report.category is not None and not report.category.is_active:
        raise ValidationFailedError.one(
            "categoryId", "That category is retired", CaseErrorCode.INACTIVE
        )
    if report.reporter_id is None and not report.reporter_name.strip():
        raise ValidationFailedError.one(
            "reporterName",
            "Name the person reported for, or report as yourself",
            InputErrorCode.REQUIRED,
        )
    check_files(report.files, field="attachments")


async def submit_case(
    *,
    report: CaseReport,
    actor: CaseActor,
    upload_dir: Path,
    idempotency_key: str | None = None,
    source: dict[str, Any] | None = None,
) -> Case:
    """Record a new case (state ``submitted``) with its accept-by deadline and its files.

    ``source`` (e.g. ``{"patrolFindingId": 7}``) goes on the submit event: what the case was
    made from. Inside a caller's transaction this runs as a savepoint of it."""
    title = clean_text(report.title, field="title", max_length=100)
    description = clean_text(report.description, field="description")
    _check(report)
    phone = clean_phone(report.reporter_phone, field="reporterPhone")
    key = idempotency_key.strip() if idempotency_key else None
    if key is not None and not 8 <= len(key) <= 64:
        raise ValidationFailedError.one(
            "idempotencyKey", "8 to 64 characters", CaseErrorCode.BAD_KEY
        )
    fingerprint = report.fingerprint()
    if key is not None:
        earlier = await Case.get_or_none(idempotency_key=key)
        if earlier is not None:
            same_submitter = (earlier.recorded_by_id, earlier.recorded_by_token_id) == (
                actor.user_id,
                actor.token_id,
            )
            if not same_submitter or earlier.request_hash != fingerprint:
                raise ConflictError("That idempotency key was used for a different case")
            return earlier
    received = now()
    deadline = await accept_deadline(received, report.category.id if report.category else None)
    async with in_transaction():
        case = await Case.create(
            title=title,
            description=description,
            category_id=report.category.id if report.category else None,
            urgency=report.urgency,
            channel=report.channel,
            state=CaseState.SUBMITTED,
            place_id=report.place.id,
            **place_columns(report.place.path),
            building_id=report.building.id if report.building else None,
            address=report.address.strip()[:200],
            latitude=report.latitude,
            longitude=report.longitude,
            reporter_id=report.reporter_id,
            reporter_name=report.reporter_name.strip()[:50],
            reporter_phone=phone,
            recorded_by_id=actor.user_id,
            recorded_by_token_id=actor.token_id,
            idempotency_key=key,
            request_hash=fingerprint,
            submitted_month=received.astimezone(SHANGHAI).strftime("%Y-%m"),
            accept_due_at=deadline.due_at,
            deadline_warnings=list(deadline.warnings),
        )
        await month_figures.apply(None, month_figures.snapshot(case))
        files = await store_files(
            case,
            report.files,
            kind=AttachmentKind.REPORT,
            upload_dir=upload_dir,
            uploaded_by=actor.user_id,
        )
        await CaseEvent.create(
            case_id=case.id,
            action=CaseAction.SUBMIT,
            from_state=None,
            to_state=INITIAL[CaseAction.SUBMIT].to,
            actor_user_id=actor.user_id,
            actor_token_id=actor.token_id,
            role=actor.role,
            payload={
                "channel": report.channel.value,
                "placeId": report.place.id,
                "acceptDueAt": deadline.due_at.isoformat(),
                "attachments": describe(files),
                **({"source": source} if source else {}),
            },
        )
    return case

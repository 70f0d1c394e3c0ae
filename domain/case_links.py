"""Turning grid work into cases: a patrol finding (channel patrol), what a visit found
(channel home visit) and a meeting's decision become a case in one step and stay linked to it;
a decision about a case already on the agenda updates that case instead.

Each verb is one transaction: the case's submit (or comment) event, whose payload names the
source, and the source row's link to the case. ``submit_case`` nests as a savepoint, so a
failure after it (e.g. the source was linked meanwhile) takes the new case back with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tortoise.transactions import in_transaction

from domain.calendar import SHANGHAI
from domain.cases.common import CaseActor, record
from domain.cases.submit import CaseReport, submit_case
from domain.error_codes import CaseErrorCode
from domain.errors import ConflictError, ValidationFailedError
from models.case_records import CaseEvent
from models.cases import Case, CaseCategory
from models.enums import CaseAction, CaseChannel, CaseUrgency, GridLevel
from models.grid import GridNode
from models.meetings import Decision, Meeting
from models.org import Department
from models.patrols import PatrolFinding, Visit
from models.people import Person


@dataclass(frozen=True)
class CaseDetails:
    """What the caller adds to the source's own text."""

    title: str | None = None
    category: CaseCategory | None = None
    urgency: CaseUrgency = CaseUrgency.NORMAL


async def case_place(node: GridNode) -> tuple[GridNode, GridNode | None]:
    """A case's place and building for ``node``: a building is filed under its parent."""
    if node.level == GridLevel.BUILDING and node.parent_id is not None:
        return await GridNode.get(id=node.parent_id), node
    return node, None


def _title(details: CaseDetails, fallback: str) -> str:
    if details.title is not None and details.title.strip():
        return details.title
    first_line = fallback.strip().splitlines()[0] if fallback.strip() else ""
    return first_line[:100]


async def finding_to_case(
    *,
    finding: PatrolFinding,
    details: CaseDetails,
    actor: CaseActor,
    reporter: Person | None,
    reporter_name: str,
    upload_dir: Path,
) -> Case:
    """The finding becomes a case reported by the patrolling worker, linked both ways."""
    if finding.case_id is not None:
        raise ConflictError("This finding already became a case")
    place, building = await case_place(await GridNode.get(id=finding.place_id))
    report = CaseReport(
        title=_title(details, finding.description),
        description=finding.description,
        channel=CaseChannel.PATROL,
        place=place,
        building=building,
        category=details.category,
        urgency=details.urgency,
        reporter_id=reporter.id if reporter else None,
        reporter_name="" if reporter else reporter_name,
    )
    async with in_transaction():
        case = await submit_case(
            report=report,
            actor=actor,
            upload_dir=upload_dir,
            source={"patrolFindingId": finding.id, "patrolId": finding.patrol_id},
        )
        linked = await PatrolFinding.filter(id=finding.id, case_id__isnull=True).update(
            case_id=case.id
        )
        if linked != 1:
            raise ConflictError("This finding already became a case")
    finding.case_id = case.id
    return case


async def visit_to_case(
    *, visit: Visit, details: CaseDetails, actor: CaseActor, upload_dir: Path
) -> Case:
    """What the visit found becomes a case of the visited person, linked both ways."""
    if visit.case_id is not None:
        raise ConflictError("This visit already became a case")
    found = visit.found.strip()
    if not found:
        raise ValidationFailedError.one(
            "visitId", "The visit found nothing to follow up", CaseErrorCode.NOTHING_FOUND
        )
    place, building = await case_place(await GridNode.get(id=visit.place_id))
    report = CaseReport(
        title=_title(details, found),
        description=found,
        channel=CaseChannel.HOME_VISIT,
        place=place,
        building=building,
        category=details.category,
        urgency=details.urgency,
        reporter_id=visit.person_id,
    )
    async with in_transaction():
        case = await submit_case(
            report=report, actor=actor, upload_dir=upload_dir, source={"visitId": visit.id}
        )
        linked = await Visit.filter(id=visit.id, case_id__isnull=True).update(case_id=case.id)
        if linked != 1:
            raise ConflictError("This visit already became a case")
    visit.case_id = case.id
    return case


def _check_decision(decision: Decision) -> None:
    if decision.case_id is not None:
        raise ConflictError("This decision already created or updated a case")
    errors = []
    if decision.owner_id is None and decision.owner_department_id is None:
        errors.append(("decisionId", "The decision names no owner", CaseErrorCode.NO_OWNER))
    if decision.deadline is None:
        errors.append(("decisionId", "The decision has no deadline", CaseErrorCode.NO_DEADLINE))
    if errors:
        field, message, code = errors[0]
        raise ValidationFailedError.one(field, message, code)


async def decision_text(decision: Decision, meeting: Meeting) -> str:
    """The decision as the case's history tells it: what, who, by when."""
    owner = ""
    if decision.owner_id is not None:
        owner = (await Person.get(id=decision.owner_id)).name
    elif decision.owner_department_id is not None:
        owner = (await Department.get(id=decision.owner_department_id)).name
    return (
        f"{meeting.title} ({meeting.held_at.astimezone(SHANGHAI).date().isoformat()}) decided: {decision.text}"
        f" — owner {owner}, by {decision.deadline.isoformat() if decision.deadline else '-'}"
    )


def _source(decision: Decision) -> dict[str, int]:
    return {"decisionId": decision.id, "meetingId": decision.meeting_id}


async def decision_to_case(
    *,
    decision: Decision,
    meeting: Meeting,
    details: CaseDetails,
    actor: CaseActor,
    reporter: Person | None,
    reporter_name: str,
    upload_dir: Path,
) -> Case:
    """A decision with an owner and a deadline becomes a new case of the meeting's place."""
    _check_decision(decision)
    place, building = await case_place(await GridNode.get(id=meeting.place_id))
    report = CaseReport(
        title=_title(details, decision.text),
        description=await decision_text(decision, meeting),
        channel=CaseChannel.MEETING,
        place=place,
        building=building,
        category=details.category,
        urgency=details.urgency,
        reporter_id=reporter.id if reporter else None,
        reporter_name="" if reporter else reporter_name,
    )
    async with in_transaction():
        case = await submit_case(
            report=report, actor=actor, upload_dir=upload_dir, source=_source(decision)
        )
        await _link_decision(decision, case)
    return case


async def decision_updates_case(
    *, decision: Decision, meeting: Meeting, case: Case, actor: CaseActor
) -> CaseEvent:
    """A decision about a case already in the loop: a comment on it, and the link."""
    _check_decision(decision)
    text = await decision_text(decision, meeting)
    async with in_transaction():
        event = await record(
            case, CaseAction.COMMENT, actor, reason=text[:2000], payload=_source(decision)
        )
        await _link_decision(decision, case)
    return event


async def _link_decision(decision: Decision, case: Case) -> None:
    linked = await Decision.filter(id=decision.id, case_id__isnull=True).update(case_id=case.id)
    if linked != 1:
        raise ConflictError("This decision already created or updated a case")
    decision.case_id = case.id

"""Publishing (公示), rejecting, claiming (认领), releasing, fulfilling and confirming (闭合)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from domain.clock import moment as now
from domain.error_codes import InputErrorCode, NeedErrorCode
from domain.errors import ConflictError, InvalidTransitionError, ValidationFailedError
from domain.needs.acting import is_mine
from domain.needs.workflow import transition
from models.enums import ClaimantKind, NeedAction, NeedState
from models.lists import Need
from models.org import CoBuildingUnit, PartyMember, Volunteer, VolunteerTeam

# An unfulfilled claim is released after this many days (the need goes back on the list).
CLAIM_DAYS = 14


@dataclass(frozen=True)
class Claimant:
    """Who claims: exactly one of a party member, a volunteer, a team or a unit."""

    kind: ClaimantKind
    party_member: PartyMember | None = None
    volunteer: Volunteer | None = None
    team: VolunteerTeam | None = None
    unit: CoBuildingUnit | None = None

    @property
    def person_id(self) -> int | None:
        if self.party_member is not None:
            return self.party_member.person_id
        if self.volunteer is not None:
            return self.volunteer.person_id
        return None

    def describe(self) -> dict[str, Any]:
        row = self.party_member or self.volunteer or self.team or self.unit
        return {"kind": self.kind.value, "id": row.pk if row else None}


async def publish_need(need: Need, *, actor_user_id: int | None) -> Need:
    return await transition(need, NeedAction.PUBLISH, actor_user_id=actor_user_id)


async def reject_need(need: Need, *, reason: str, actor_user_id: int | None) -> Need:
    if not reason.strip():
        raise ValidationFailedError.one(
            "reason", "Say why the need is rejected", InputErrorCode.REQUIRED
        )
    return await transition(
        need, NeedAction.REJECT, actor_user_id=actor_user_id, note=reason.strip()
    )


async def claim_need(
    need: Need,
    *,
    claimant: Claimant,
    actor_user_id: int | None,
    recorder_person_id: int | None = None,
    days: int = CLAIM_DAYS,
    at: datetime | None = None,
) -> Need:
    if is_mine(claimant.person_id, need.poster_person_id):
        raise ValidationFailedError.one(
            "claimantId", "A resident cannot claim their own need", NeedErrorCode.OWN_NEED
        )
    claimed_at = at or now()
    changes = {
        "claimant_kind": claimant.kind,
        "claimant_party_member_id": claimant.party_member.pk if claimant.party_member else None,
        "claimant_volunteer_id": claimant.volunteer.pk if claimant.volunteer else None,
        "claimant_team_id": claimant.team.pk if claimant.team else None,
        "claimant_unit_id": claimant.unit.pk if claimant.unit else None,
        "claimant_person_id": claimant.person_id or recorder_person_id,
        "claimed_at": claimed_at,
        "claim_deadline": claimed_at + timedelta(days=days),
    }
    return await transition(
        need,
        NeedAction.CLAIM,
        actor_user_id=actor_user_id,
        changes=changes,
        detail=claimant.describe(),
    )


_CLEARED_CLAIM: dict[str, Any] = {
    "claimant_kind": None,
    "claimant_party_member_id": None,
    "claimant_volunteer_id": None,
    "claimant_team_id": None,
    "claimant_unit_id": None,
    "claimant_person_id": None,
    "claimed_at": None,
    "claim_deadline": None,
}


async def release_need(need: Need, *, actor_user_id: int | None, reason: str) -> Need:
    """Drop the claim; the need is back on the public list for someone else."""
    return await transition(
        need,
        NeedAction.RELEASE,
        actor_user_id=actor_user_id,
        changes=dict(_CLEARED_CLAIM),
        note=reason,
        detail={"kind": need.claimant_kind.value if need.claimant_kind else None},
    )


async def fulfil_need(need: Need, *, evidence: str, actor_user_id: int | None) -> Need:
    evidence = evidence.strip()
    if not evidence:
        raise ValidationFailedError.one(
            "evidence", "Say or show how it was fulfilled", InputErrorCode.REQUIRED
        )
    return await transition(
        need,
        NeedAction.FULFIL,
        actor_user_id=actor_user_id,
        changes={"evidence": evidence, "fulfilled_at": now()},
        note=evidence,
    )


async def confirm_need(need: Need, *, actor_user_id: int | None, note: str = "") -> Need:
    return await transition(
        need,
        NeedAction.CONFIRM,
        actor_user_id=actor_user_id,
        changes={"confirmed_at": now()},
        note=note,
    )


async def release_expired_claims(*, at: datetime | None = None) -> int:
    """Release every claim past its deadline; running it again releases nothing more."""
    moment = at or now()
    released = 0
    expired = await Need.filter(state=NeedState.CLAIMED, claim_deadline__lt=moment).order_by("id")
    for need in expired:
        try:
            await release_need(need, actor_user_id=None, reason="Claim deadline passed")
        except (ConflictError, InvalidTransitionError):  # changed meanwhile: not ours to release
            continue
        released += 1
    return released

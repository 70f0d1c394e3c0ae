"""claimNeed: a party member, volunteer, team or unit claims a published need (认领)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.error_codes import InputErrorCode, NeedErrorCode
from domain.errors import PermissionDeniedError, ValidationFailedError
from domain.needs.acting import check, is_mine, may_manage
from domain.needs.steps import Claimant, claim_need
from models.enums import ClaimantKind, NeedAction
from models.org import CoBuildingUnit, PartyMember, Volunteer, VolunteerTeam
from schema.context import Info
from schema.errors import Conflict, InvalidTransition, NotFound, PermissionDenied, ValidationFailed
from schema.lists.lookup import check_version, need_for, row_for
from schema.lists.types import NeedType


@strawberry.input(description="Who claims which need.")
class ClaimNeedInput:
    id: strawberry.ID = strawberry.field(description="The need (its Need or PublicNeed ID).")
    claimant_kind: ClaimantKind = strawberry.field(description="Who claims it.")
    claimant_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="The party member, volunteer, team or unit; omit to claim as yourself.",
    )
    version: int | None = strawberry.field(
        default=None, description="The version you saw; a newer one is a Conflict."
    )


@strawberry.type(description="The need is claimed; fulfil it before the claim deadline.")
class NeedClaimed:
    need: NeedType = strawberry.field(description="The need.")


ClaimNeedResult = Annotated[
    NeedClaimed | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("ClaimNeedResult", description="The result of claimNeed."),
]


async def _claimant(info: Info, input: ClaimNeedInput) -> Claimant:
    kind, given = input.claimant_kind, input.claimant_id
    person_id = info.context.viewer.person_id
    if kind is ClaimantKind.PARTY_MEMBER:
        if given is not None:
            member = await row_for(PartyMember, "PartyMember", given, field="claimantId")
        else:
            found = await PartyMember.get_or_none(person_id=person_id) if person_id else None
            if found is None:
                raise ValidationFailedError.one(
                    "claimantKind",
                    "You are not a registered party member",
                    NeedErrorCode.NOT_A_MEMBER,
                )
            member = found
        return Claimant(kind, party_member=member)
    if kind is ClaimantKind.VOLUNTEER:
        if given is not None:
            volunteer = await row_for(Volunteer, "Volunteer", given, field="claimantId")
        else:
            found_v = await Volunteer.get_or_none(person_id=person_id) if person_id else None
            if found_v is None:
                raise ValidationFailedError.one(
                    "claimantKind",
                    "You are not a registered volunteer",
                    NeedErrorCode.NOT_A_VOLUNTEER,
                )
            volunteer = found_v
        return Claimant(kind, volunteer=volunteer)
    if given is None:
        raise ValidationFailedError.one(
            "claimantId", "Name the team or unit", InputErrorCode.REQUIRED
        )
    if kind is ClaimantKind.VOLUNTEER_TEAM:
        return Claimant(
            kind, team=await row_for(VolunteerTeam, "VolunteerTeam", given, field="claimantId")
        )
    return Claimant(
        kind, unit=await row_for(CoBuildingUnit, "CoBuildingUnit", given, field="claimantId")
    )


async def claim_need_mutation(info: Info, input: ClaimNeedInput) -> ClaimNeedResult:
    viewer = info.context.viewer
    need = await need_for(info, input.id, field="id", public_ok=True)
    check(viewer, need, NeedAction.CLAIM)
    claimant = await _claimant(info, input)
    if not is_mine(claimant.person_id, viewer.person_id) and not may_manage(viewer, need):
        raise PermissionDeniedError("Only the need list's keepers record a claim for others")
    check_version(need, input.version)
    need = await claim_need(
        need,
        claimant=claimant,
        actor_user_id=viewer.user_id,
        recorder_person_id=viewer.person_id,
    )
    return NeedClaimed(need=NeedType.from_model(need))

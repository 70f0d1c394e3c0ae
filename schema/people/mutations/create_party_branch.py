"""createPartyBranch: a party branch serving one grid or several."""

from __future__ import annotations

from typing import Annotated

import strawberry

from domain.organisation import create_party_branch as create_party_branch_verb
from permissions.enums import Action, Resource
from schema.context import Info
from schema.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from schema.guards import require
from schema.lookup import visible_grid
from schema.people.org_types import PartyBranchType


@strawberry.input(description="A new party branch.")
class CreatePartyBranchInput:
    name: str = strawberry.field(description="Name, unique.")
    place_id: strawberry.ID = strawberry.field(description="The place it is based in.")
    grid_ids: list[strawberry.ID] = strawberry.field(
        description="The grids it serves, all within its place."
    )


@strawberry.type(description="The party branch was created.")
class PartyBranchCreated:
    party_branch: PartyBranchType = strawberry.field(description="The new branch.")


CreatePartyBranchResult = Annotated[
    PartyBranchCreated | ValidationFailed | NotFound | Conflict | PermissionDenied,
    strawberry.union("CreatePartyBranchResult", description="The result of createPartyBranch."),
]


async def create_party_branch(info: Info, input: CreatePartyBranchInput) -> CreatePartyBranchResult:
    place = await visible_grid(info, input.place_id, field="placeId")
    require(info, Resource.PARTY_BRANCH, Action.CREATE, place.path)
    grids = [
        await visible_grid(info, gid, field=f"gridIds.{i}") for i, gid in enumerate(input.grid_ids)
    ]
    branch = await create_party_branch_verb(
        name=input.name, place=place, grids=grids, actor=info.context.viewer
    )
    return PartyBranchCreated(party_branch=PartyBranchType.from_model(branch))

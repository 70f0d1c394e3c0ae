"""What the grid work's link to a case needs from the case side: the linked case as the caller
may see it (one batched query per request, the scoping of the ``cases`` list), and the caller
as the reporter-side actor of a case made from their work."""

from __future__ import annotations

from collections.abc import Sequence

from domain.cases.common import CaseActor
from domain.errors import PermissionDeniedError
from models.cases import Case
from permissions.case_roles import submit_role
from schema.cases.access import fetch_visible_cases
from schema.cases.types import CaseType
from schema.context import Info


async def linked_case(info: Info, pk: int | None) -> CaseType | None:
    """The case ``pk`` if the caller may see it, else None (hidden = absent)."""
    if pk is None:
        return None
    viewer = info.context.viewer

    async def load(ids: list[int]) -> Sequence[Case | None]:
        found = await fetch_visible_cases(viewer, ids)
        return [found.get(i) for i in ids]

    row = await info.context.loaders.keyed("visible_case", load).load(pk)
    return CaseType.from_model(row) if row is not None else None


def submitting_actor(info: Info, place_path: str) -> CaseActor:
    """The caller reporting a case at ``place_path`` on someone's behalf, or PermissionDenied."""
    viewer = info.context.viewer
    role = submit_role(viewer, place_path, for_self=False)
    if role is None:
        raise PermissionDeniedError("You may not report a case here")
    return CaseActor(
        user_id=viewer.user_id, token_id=viewer.token_id, person_id=viewer.person_id, role=role
    )

"""Finding the case an argument names (under the caller's visibility) and deciding in which
role the caller acts on it; the decisions themselves are ``permissions/``'s."""

from __future__ import annotations

from typing import Any

from domain.case_acting import ACTIVE_DISPATCH, acting_role
from domain.case_workflow import PERMISSION
from domain.cases.common import CaseActor
from domain.errors import NotFoundError, PermissionDeniedError
from models.case_records import CaseDispatch, CaseExtension
from models.cases import Case, CaseCategory
from models.enums import CaseAction
from models.org import Department
from permissions.rows import visible
from permissions.viewer import Viewer
from schema.context import Info
from schema.relay import parse_pk


async def fetch_visible_cases(viewer: Viewer, ids: list[int]) -> dict[int, Case]:
    return {c.id: c for c in await visible(Case, viewer).filter(id__in=ids)}


async def visible_case(info: Info, global_id: str, *, field: str = "caseId") -> Case:
    pk = parse_pk(global_id, field=field, expected="Case")
    case = await visible(Case, info.context.viewer).get_or_none(id=pk)
    if case is None:
        raise NotFoundError("Case", global_id, field=field)
    return case


async def category_by_id(global_id: str | None, *, field: str = "categoryId") -> Any:
    if global_id is None:
        return None
    pk = parse_pk(global_id, field=field, expected="CaseCategory")
    row = await CaseCategory.get_or_none(id=pk)
    if row is None:
        raise NotFoundError("CaseCategory", global_id, field=field)
    return row


async def department_by_id(global_id: str, *, field: str) -> Department:
    pk = parse_pk(global_id, field=field, expected="Department")
    row = await Department.get_or_none(id=pk)
    if row is None:
        raise NotFoundError("Department", global_id, field=field)
    return row


async def dispatch_of(case: Case, global_id: str, *, field: str = "dispatchId") -> CaseDispatch:
    pk = parse_pk(global_id, field=field, expected="CaseDispatch")
    row = await CaseDispatch.get_or_none(id=pk, case_id=case.id)
    if row is None:
        raise NotFoundError("CaseDispatch", global_id, field=field)
    return row


async def extension_of(case: Case, global_id: str, *, field: str = "extensionId") -> CaseExtension:
    pk = parse_pk(global_id, field=field, expected="CaseExtension")
    row = await CaseExtension.get_or_none(id=pk, case_id=case.id)
    if row is None:
        raise NotFoundError("CaseExtension", global_id, field=field)
    return row


async def my_dispatch(viewer: Viewer, case: Case) -> CaseDispatch | None:
    """The active dispatch of the case to one of the viewer's departments, if any."""
    if not viewer.department_ids:
        return None
    return (
        await CaseDispatch.filter(
            case_id=case.id,
            department_id__in=list(viewer.department_ids),
            state__in=list(ACTIVE_DISPATCH),
        )
        .order_by("id")
        .first()
    )


async def authorize(
    info: Info, case: Case, action: CaseAction, *, dispatch: CaseDispatch | None = None
) -> CaseActor:
    """The caller as the actor of ``action`` on ``case``, or ``PermissionDeniedError``: the
    decision is ``domain/case_acting.acting_role``'s (``Case.viewerActions`` asks it too).

    A department acts only through its own active dispatch (``dispatch``, or found here).
    """
    viewer = info.context.viewer
    permission = PERMISSION[action]
    if permission is None:
        raise PermissionDeniedError("Only the system does this")
    mine = dispatch if dispatch is not None else await my_dispatch(viewer, case)
    role = acting_role(viewer, case, action, dispatch=mine)
    if role is None:
        raise PermissionDeniedError(f"You may not {permission.value.replace('_', ' ')} this case")
    return CaseActor(
        user_id=viewer.user_id, token_id=viewer.token_id, person_id=viewer.person_id, role=role
    )

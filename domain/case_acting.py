"""May this viewer take this action on this case now? The one answer, asked by every case
mutation (``schema/cases/access.authorize``) and by ``Case.viewerActions``.

It joins the three questions, each asked of its own home: the state (``open_to``, from the
transition table of ``domain/case_workflow.py``), the role at the place, in a department's
active dispatch or as the reporter (``permissions/case_roles.case_role``), and what only the
reporter does (rating) or only a department through its own dispatch (signing, returning).
"""

from __future__ import annotations

from collections.abc import Sequence

from domain.case_workflow import PERMISSION, open_to
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseAction, DispatchState
from permissions.case_roles import case_role
from permissions.viewer import Viewer

ACTIVE_DISPATCH = (DispatchState.PENDING, DispatchState.SIGNED)
# Taken through the caller's own dispatch, in one of these states.
THROUGH_DISPATCH: dict[CaseAction, tuple[DispatchState, ...]] = {
    CaseAction.SIGN: (DispatchState.PENDING,),
    CaseAction.RETURN_CASE: ACTIVE_DISPATCH,
    CaseAction.RETURN_DISPATCH: ACTIVE_DISPATCH,
}
RETURNS = (CaseAction.RETURN_CASE, CaseAction.RETURN_DISPATCH)
REPORTER_ONLY = frozenset(
    {CaseAction.RATE_SATISFIED, CaseAction.RATE_UNSATISFIED, CaseAction.RATE_FINAL_UNSATISFIED}
)
MAX_REOPENS = 2


def is_reporter(person_id: int | None, case: Case) -> bool:
    return person_id is not None and person_id == case.reporter_id


def rating_outcome(case: Case, *, satisfied: bool) -> CaseAction:
    """What a rating does: satisfied closes; otherwise the case is reopened (重办), at most
    ``MAX_REOPENS`` times, after which it stays unsatisfied until a cadre closes it."""
    if satisfied:
        return CaseAction.RATE_SATISFIED
    if case.reopen_count < MAX_REOPENS:
        return CaseAction.RATE_UNSATISFIED
    return CaseAction.RATE_FINAL_UNSATISFIED


def return_outcome(others_active: int) -> CaseAction:
    """A return hands the case back to the dispatcher unless another handler still holds it."""
    return CaseAction.RETURN_DISPATCH if others_active else CaseAction.RETURN_CASE


def acting_role(
    viewer: Viewer, case: Case, action: CaseAction, *, dispatch: CaseDispatch | None
) -> str | None:
    """The role in which the viewer takes ``action`` on ``case``, or None if they may not
    (whatever the case's state). ``dispatch`` is the one the viewer acts through, if any: a
    department acts only through an active dispatch of the case to it."""
    permission = PERMISSION.get(action)
    if permission is None:
        return None
    reporter = is_reporter(viewer.person_id, case)
    if action in REPORTER_ONLY and not reporter:
        return None
    departments = (
        [dispatch.department_id]
        if dispatch is not None
        and dispatch.department_id is not None
        and dispatch.state in ACTIVE_DISPATCH
        else []
    )
    return case_role(
        viewer,
        permission,
        place_path=case.place_path,
        department_ids=departments,
        is_reporter=reporter,
    )


def own_dispatch(viewer: Viewer, active: Sequence[CaseDispatch]) -> CaseDispatch | None:
    """Of a case's active dispatches, the first to one of the viewer's departments."""
    mine = set(viewer.department_ids)
    return next((d for d in active if d.department_id in mine), None)


def viewer_actions(viewer: Viewer, case: Case, active: Sequence[CaseDispatch]) -> list[CaseAction]:
    """The actions the viewer may take on ``case`` now, in the table's order: ``active`` are
    the case's active dispatches (those of the viewer's departments are enough)."""
    mine = own_dispatch(viewer, active)
    others = sum(1 for d in active if mine is None or d.id != mine.id)
    ratings = (rating_outcome(case, satisfied=True), rating_outcome(case, satisfied=False))
    found = []
    for action in open_to(case.state, case.case_class):
        if action in THROUGH_DISPATCH and (
            mine is None or mine.state not in THROUGH_DISPATCH[action]
        ):
            continue
        if action in RETURNS and action is not return_outcome(others):
            continue
        if action in REPORTER_ONLY and action not in ratings:
            continue
        if acting_role(viewer, case, action, dispatch=mine) is not None:
            found.append(action)
    return found

"""``Case.viewerActions``: what the caller may do on a case now, batched for a page.

The decision is ``domain/case_acting.viewer_actions`` (the one the mutations ask through
``schema/cases/access.authorize``); this module only fetches what it needs: the active
dispatches of the page's cases, in one query, and only for a caller with a department.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from domain.case_acting import ACTIVE_DISPATCH, viewer_actions
from models.case_records import CaseDispatch
from models.cases import Case
from models.enums import CaseAction
from schema.context import Info


async def _active_dispatches(case_ids: list[int]) -> Sequence[list[CaseDispatch]]:
    grouped: dict[int, list[CaseDispatch]] = defaultdict(list)
    rows = await CaseDispatch.filter(
        case_id__in=case_ids, state__in=list(ACTIVE_DISPATCH)
    ).order_by("id")
    for row in rows:
        grouped[row.case_id].append(row)
    return [grouped.get(i, []) for i in case_ids]


async def actions_of_viewer(info: Info, case: Case) -> list[CaseAction]:
    viewer = info.context.viewer
    active: list[CaseDispatch] = []
    if viewer.department_ids:  # only a department acts through a dispatch of its own
        loader = info.context.loaders.keyed("case-active-dispatches", _active_dispatches)
        active = await loader.load(case.id)
    return viewer_actions(viewer, case, active)

"""Query fields of cases: the scoped list, the public board, categories, figures, notifications."""

from __future__ import annotations

import re
from typing import Annotated

import strawberry
from tortoise.expressions import Q

from domain.case_deadlines import not_overdue_q, overdue_q
from domain.case_statistics import GroupBy, case_figures
from domain.clock import moment as now
from domain.error_codes import CaseErrorCode
from domain.errors import ValidationFailedError
from models.case_records import Notification
from models.cases import Case, CaseCategory, TimeLimitRule
from models.enums import CaseClass, CaseState
from permissions.enums import Action, Resource
from permissions.rows import board, visible
from permissions.rows.cases import case_place
from schema.cases.access import category_by_id
from schema.cases.categories import CaseCategoryType, TimeLimitRuleType
from schema.cases.figures import CaseFiguresType
from schema.cases.notifications import NotificationType
from schema.cases.public import PublicCaseType
from schema.cases.types import CaseType
from schema.context import Info
from schema.guards import require
from schema.lookup import filter_to_subtree, visible_grid
from schema.pagination import Connection, Page, connection, paginate

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _check_month(value: str | None, field: str) -> None:
    if value is not None and not MONTH.match(value):
        raise ValidationFailedError.one(field, "Use YYYY-MM", CaseErrorCode.BAD_MONTH)


@strawberry.type
class CaseQueries:
    @connection(
        description="Cases you may see (your own, your subtree's, your department's), filtered.",
        backwards=True,
    )
    async def cases(
        self,
        info: Info,
        page: Page,
        state: Annotated[
            CaseState | None, strawberry.argument(description="Only this state.")
        ] = None,
        case_class: Annotated[
            CaseClass | None, strawberry.argument(description="Only this class.")
        ] = None,
        category_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this category.")
        ] = None,
        subtree_of: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only cases in this subtree.")
        ] = None,
        overdue: Annotated[
            bool | None, strawberry.argument(description="Only (true) or no (false) overdue.")
        ] = None,
        mine: Annotated[
            bool, strawberry.argument(description="Only cases you reported or recorded.")
        ] = False,
    ) -> Connection[CaseType]:
        viewer = info.context.viewer
        query = visible(Case, viewer, page_by_clause=True)
        if state is not None:
            query = query.filter(state=state)
        if case_class is not None:
            query = query.filter(case_class=case_class)
        if category_id is not None:
            category = await category_by_id(category_id)
            query = query.filter(category_id=category.id)
        query = await filter_to_subtree(
            info, query, subtree_of, field="subtreeOf", path_field=case_place
        )
        if overdue is not None:
            at = now()
            query = query.filter(overdue_q(at) if overdue else not_overdue_q(at))
        if mine:
            clauses = [Q(recorded_by_id=viewer.user_id or -1)]
            if viewer.person_id is not None:
                clauses.append(Q(reporter_id=viewer.person_id))
            query = query.filter(Q(*clauses, join_type="OR"))
        return await paginate(query, CaseType.from_model, page)

    @connection(
        description="The public board: answered cases, without personal data, newest first.",
        newest_first=True,
    )
    async def public_cases(
        self,
        info: Info,
        page: Page,
        subtree_of: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only cases in this subtree.")
        ] = None,
    ) -> Connection[PublicCaseType]:
        query = board(Case)
        query = await filter_to_subtree(
            info, query, subtree_of, field="subtreeOf", path_field=case_place
        )
        return await paginate(query, PublicCaseType.from_model, page)

    @connection(description="Case categories; top-level ones unless `parentId` is given.")
    async def case_categories(
        self,
        info: Info,
        page: Page,
        parent_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only its children.")
        ] = None,
        include_inactive: Annotated[
            bool, strawberry.argument(description="Also retired categories.")
        ] = False,
    ) -> Connection[CaseCategoryType]:
        parent = await category_by_id(parent_id, field="parentId")
        query = visible(CaseCategory, info.context.viewer).filter(
            parent_id=parent.id if parent else None
        )
        if not include_inactive:
            query = query.filter(is_active=True)
        return await paginate(query, CaseCategoryType.from_model, page)

    @connection(description="The time-limit rules (category × class).")
    async def time_limit_rules(self, info: Info, page: Page) -> Connection[TimeLimitRuleType]:
        return await paginate(
            visible(TimeLimitRule, info.context.viewer), TimeLimitRuleType.from_model, page
        )

    @strawberry.field(
        description="Figures of the cases received in a place's subtree over a range of months."
    )
    async def case_figures(
        self,
        info: Info,
        place_id: Annotated[strawberry.ID, strawberry.argument(description="The place.")],
        month_from: Annotated[
            str | None, strawberry.argument(description="First month, YYYY-MM.")
        ] = None,
        month_to: Annotated[
            str | None, strawberry.argument(description="Last month, YYYY-MM.")
        ] = None,
        group_by: Annotated[
            GroupBy, strawberry.argument(description="How to break the figures down.")
        ] = GroupBy.NONE,
    ) -> list[CaseFiguresType]:
        _check_month(month_from, "monthFrom")
        _check_month(month_to, "monthTo")
        place = await visible_grid(info, place_id, field="placeId")
        require(info, Resource.STATISTICS, Action.READ, place.path)
        figures = await case_figures(
            place_path=place.path, month_from=month_from, month_to=month_to, group_by=group_by
        )
        return [CaseFiguresType.from_figures(f) for f in figures]

    @connection(description="Your notifications, newest first.", newest_first=True)
    async def my_notifications(
        self,
        info: Info,
        page: Page,
        unread_only: Annotated[bool, strawberry.argument(description="Only unread ones.")] = False,
    ) -> Connection[NotificationType]:
        query = visible(Notification, info.context.viewer)
        if unread_only:
            query = query.filter(read_at__isnull=True)
        return await paginate(query, NotificationType.from_model, page)

"""Time limits of cases (限时办理): the rules per category × class, and the deadlines they give
on the working-day calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tortoise.expressions import Q

from domain.calendar import Deadline, WorkingCalendar
from domain.calendar_store import load_calendar
from models.cases import TimeLimitRule
from models.enums import CaseClass


@dataclass(frozen=True)
class Limits:
    """Accept within hours; handle within working days, or within hours when set."""

    accept_hours: int
    handle_days: int
    handle_hours: int | None = None


# Used when no rule matches: emergencies are counted in hours (突发性: reported up at once).
DEFAULT_LIMITS: dict[CaseClass | None, Limits] = {
    None: Limits(accept_hours=24, handle_days=5),
    CaseClass.GENERAL: Limits(accept_hours=24, handle_days=1),
    CaseClass.COORDINATION: Limits(accept_hours=24, handle_days=5),
    CaseClass.EMERGENCY: Limits(accept_hours=1, handle_days=1, handle_hours=4),
    CaseClass.APPROVAL: Limits(accept_hours=24, handle_days=10),
}

# How long each summoned department has to report in (报到), in hours.
REPORT_IN_HOURS = {CaseClass.EMERGENCY: 1}
DEFAULT_REPORT_IN_HOURS = 24


async def limits_for(category_id: int | None, case_class: CaseClass | None) -> Limits:
    """The most specific rule: (category, class), (category, any), (any, class), (any, any)."""
    candidates = [(category_id, case_class), (category_id, None), (None, case_class), (None, None)]
    mine = Q(category_id=category_id) if category_id is not None else Q(pk__in=[])
    rows = await TimeLimitRule.filter(mine | Q(category_id__isnull=True))
    by_key: dict[tuple[int | None, CaseClass | None], TimeLimitRule] = {
        (r.category_id, r.case_class): r for r in rows
    }
    for key in candidates:
        rule = by_key.get(key)
        if rule is not None:
            return Limits(rule.accept_hours, rule.handle_days, rule.handle_hours)
    return DEFAULT_LIMITS.get(case_class, DEFAULT_LIMITS[None])


async def accept_deadline(start: datetime, category_id: int | None) -> Deadline:
    limits = await limits_for(category_id, None)
    return WorkingCalendar().add_hours(start, limits.accept_hours)


async def handle_deadline(
    start: datetime,
    category_id: int | None,
    case_class: CaseClass,
    calendar: WorkingCalendar | None = None,
) -> Deadline:
    """Resolve-by for a case accepted (or a dispatch signed for) at ``start``."""
    limits = await limits_for(category_id, case_class)
    calendar = calendar or await load_calendar()
    if limits.handle_hours is not None:
        return calendar.add_hours(start, limits.handle_hours)
    return calendar.add_working_days(start, limits.handle_days)


def merge_warnings(*groups: tuple[str, ...] | list[str]) -> list[str]:
    """Warnings in order, each once."""
    return list(dict.fromkeys(w for group in groups for w in group))

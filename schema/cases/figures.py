"""The figures type (received, resolved, 处置率, 满意率 …) for one group of cases."""

from __future__ import annotations

import strawberry

from domain.case_statistics import CaseFigures


@strawberry.type(description="Case figures for one group (a month, category or child place).")
class CaseFiguresType:
    key: str = strawberry.field(
        description="The group: YYYY-MM, a category's or child place's numeric id, or empty."
    )
    received: int = strawberry.field(description="Cases received.")
    accepted: int = strawberry.field(description="Cases accepted (受理).")
    rejected: int = strawberry.field(description="Cases rejected.")
    in_progress: int = strawberry.field(description="Cases being handled now.")
    resolved: int = strawberry.field(description="Cases resolved (办结).")
    resolved_on_time: int = strawberry.field(description="Cases resolved by their deadline.")
    closed: int = strawberry.field(description="Cases closed.")
    overdue: int = strawberry.field(description="Cases that ran or are running late.")
    rated: int = strawberry.field(description="Cases rated by their reporter.")
    satisfied: int = strawberry.field(description="Cases whose reporter was satisfied.")
    returned: int = strawberry.field(description="Cases returned by a department at least once.")
    reopened: int = strawberry.field(description="Cases reopened at least once (返工).")
    whistle: int = strawberry.field(description="Cases with a 吹哨报到.")
    disposal_rate: float | None = strawberry.field(description="处置率: resolved / accepted.")
    on_time_rate: float | None = strawberry.field(description="按期率: on time / resolved.")
    satisfaction_rate: float | None = strawberry.field(description="满意率: satisfied / rated.")
    return_rate: float | None = strawberry.field(description="退单率: returned / accepted.")
    rework_rate: float | None = strawberry.field(description="返工率: reopened / resolved.")
    average_resolve_hours: float | None = strawberry.field(
        description="Mean hours from report to resolution."
    )

    @classmethod
    def from_figures(cls, f: CaseFigures) -> CaseFiguresType:
        return cls(
            key=f.key,
            received=f.received,
            accepted=f.accepted,
            rejected=f.rejected,
            in_progress=f.in_progress,
            resolved=f.resolved,
            resolved_on_time=f.resolved_on_time,
            closed=f.closed,
            overdue=f.overdue,
            rated=f.rated,
            satisfied=f.satisfied,
            returned=f.returned,
            reopened=f.reopened,
            whistle=f.whistle,
            disposal_rate=f.disposal_rate,
            on_time_rate=f.on_time_rate,
            satisfaction_rate=f.satisfaction_rate,
            return_rate=f.return_rate,
            rework_rate=f.rework_rate,
            average_resolve_hours=f.average_resolve_hours,
        )

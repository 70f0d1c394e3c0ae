"""The Department node (职能部门)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from models.enums import DepartmentKind
from models.org import Department
from permissions.rows import visible
from schema import enums as _enums  # noqa: F401  (registers the enums)
from schema.relay import Node, register_node, to_global_id


@strawberry.type(
    name="Department",
    description="A department (职能部门: 城管, 住建, 物业公司 …) that receives dispatched cases.",
)
class DepartmentType(Node):
    name: str = strawberry.field(description="Name, unique.")
    kind: DepartmentKind = strawberry.field(description="Kind of body.")
    phone: str = strawberry.field(description="Duty phone, public like the department itself.")
    created_at: datetime = strawberry.field(description="When it was recorded.")
    model: strawberry.Private[Department]

    @classmethod
    def from_model(cls, row: Department) -> DepartmentType:
        return cls(
            id=to_global_id("Department", row.id),
            name=row.name,
            kind=row.kind,
            phone=row.phone,
            created_at=row.created_at,
            model=row,
        )


async def fetch_departments(info: Any, ids: list[int]) -> list[Any]:
    rows = {r.id: r for r in await visible(Department, info.context.viewer).filter(id__in=ids)}
    return [DepartmentType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("Department", fetch_departments)

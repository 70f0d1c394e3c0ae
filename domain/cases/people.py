"""Who must know about a case: the holders of roles at a place or in a department."""

from __future__ import annotations

from models.auth import RoleAssignment
from models.enums import GridLevel
from models.grid import GridNode
from permissions.enums import Role

STAFF_ROLES = (Role.GRID_WORKER, Role.COMMUNITY_CADRE)


async def users_at(grid_ids: list[int], roles: tuple[Role, ...] = STAFF_ROLES) -> list[int]:
    """Users holding one of ``roles`` exactly at one of these places."""
    if not grid_ids:
        return []
    rows = await RoleAssignment.filter(
        grid_id__in=grid_ids, role__in=list(roles), user_id__isnull=False
    ).values("user_id")
    return [int(r["user_id"]) for r in rows]


async def users_of_department(department_id: int) -> list[int]:
    rows = await RoleAssignment.filter(department_id=department_id, user_id__isnull=False).values(
        "user_id"
    )
    return [int(r["user_id"]) for r in rows]


async def cadres_of_community_and_street(place: GridNode) -> list[int]:
    """The cadres of the community and the street above ``place`` (emergencies)."""
    ids = [int(p) for p in place.path.split("/") if p]
    levels = (GridLevel.COMMUNITY, GridLevel.STREET)
    tops = await GridNode.filter(id__in=ids, level__in=list(levels)).values("id")
    return await users_at([int(t["id"]) for t in tops], (Role.COMMUNITY_CADRE,))

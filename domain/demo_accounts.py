"""One demo login per role, so a front-end team can try each view in GraphiQL (see README)."""

from __future__ import annotations

from domain.accounts import create_user
from domain.roles import assign_role
from models.auth import User
from models.enums import DepartmentKind
from models.grid import GridNode
from models.org import Department
from permissions.enums import Role

DEMO_PASSWORD = "minqing-demo"
DEMO_COMMUNITY = "振兴路社区"
DEMO_GRID = "第一网格"
DEMO_DEPARTMENT = "丹阳市城管局"

# (username, role, where): "community", "grid", "department" or None for everywhere
DEMO_LOGINS: tuple[tuple[str, Role, str | None], ...] = (
    ("admin", Role.ADMIN, None),
    ("shequ", Role.COMMUNITY_CADRE, "community"),
    ("wangge", Role.GRID_WORKER, "grid"),
    ("weiwangge", Role.MICRO_GRID_WORKER, "grid"),
    ("jumin", Role.RESIDENT, "grid"),
    ("chengguan", Role.DEPARTMENT_RESPONDER, "department"),
)


async def load_demo_accounts() -> int:
    """Create the demo logins that are missing; returns how many were created."""
    community = await GridNode.get(name=DEMO_COMMUNITY, parent__parent_id__isnull=True)
    low, high = community.path, community.path[:-1] + "0"
    grid = await GridNode.filter(name=DEMO_GRID, path__gte=low, path__lt=high).first()
    assert grid is not None
    department, _ = await Department.get_or_create(
        name=DEMO_DEPARTMENT, defaults={"kind": DepartmentKind.GOVERNMENT, "phone": "0511-12319"}
    )
    created = 0
    for username, role, where in DEMO_LOGINS:
        if await User.filter(username=username).exists():
            continue
        user = await create_user(username=username, password=DEMO_PASSWORD)
        if where is None:
            await assign_role(role=role, user=user, everywhere=True)
        elif where == "department":
            await assign_role(role=role, user=user, department=department)
        else:
            await assign_role(
                role=role, user=user, grid=community if where == "community" else grid
            )
        created += 1
    return created

"""The demo data set, modelled on the articles; built through the domain verbs."""

from __future__ import annotations

from domain.demo_accounts import load_demo_accounts
from domain.grid import create_grid_node
from models.enums import GridLevel, StationKind
from models.grid import GridNode, Station

DEMO_STREET = "云阳街道"


async def load_demo(*, extra_households: int = 0) -> bool:
    """Load the demo once; returns False when it was already there."""
    if await GridNode.filter(name=DEMO_STREET, parent_id__isnull=True).exists():
        return False
    street = await create_grid_node(name=DEMO_STREET, level=GridLevel.STREET, parent=None)
    zhenxing = await create_grid_node(name="振兴路社区", level=GridLevel.COMMUNITY, parent=street)
    for estate_name, grids in (
        ("振兴花园", ("第一网格", "第二网格")),
        ("阳光小区", ("第三网格", "第四网格")),
    ):
        estate = await create_grid_node(name=estate_name, level=GridLevel.AREA, parent=zhenxing)
        for grid_name in grids:
            grid = await create_grid_node(name=grid_name, level=GridLevel.GRID, parent=estate)
            await Station.create(
                name=f"{grid_name}红色议事驿站", kind=StationKind.DELIBERATION, grid=grid
            )
    kunming = await create_grid_node(
        name="新亚洲体育城社区", level=GridLevel.COMMUNITY, parent=None
    )
    for area_index in range(1, 5):
        area = await create_grid_node(
            name=f"第{area_index}片区", level=GridLevel.AREA, parent=kunming
        )
        for grid_index in range(1, 10):
            if (grid_index - 1) // 3 + 1 == area_index or (area_index == 4 and grid_index == 9):
                await create_grid_node(
                    name=f"第{grid_index}网格", level=GridLevel.GRID, parent=area
                )
    await load_demo_accounts()
    return True

"""Cases for a generated district: three years of concerns (2024-01-01 .. 2026-11-20) in every
grid and category, each walked through the workflow table (domain/case_workflow.py) one event
per step, with its dispatches (some joint, 吹哨报到, with a lead) and ratings. What happens to a
case is told in case_script.py, its rows are built in case_rows.py and inserted by rows.py.

Rows get explicit ids and go in with bulk inserts, ``CHUNK`` cases (and their records) at a
time, so memory stays flat whatever the count."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta

from tortoise.transactions import in_transaction

from demo.district.case_rows import Batch, CaseWriter, Grid
from demo.district.case_script import START, UNTIL
from demo.district.rows import Inserter, Progress
from domain.case_month_figures import rebuild as rebuild_month_figures
from models.case_records import CaseDispatch, CaseEvent, CaseRating
from models.cases import Case, CaseCategory
from models.enums import DepartmentKind
from models.org import Department

CASE_TABLES = (CaseCategory, Department, Case, CaseEvent, CaseDispatch, CaseRating)
CHUNK = 5_000

CATEGORIES = {
    "环境卫生": ("楼道堆放杂物", "垃圾清运不及时", "小区绿化带脏乱"),
    "公共设施": ("路灯不亮", "单元门禁损坏", "健身器材破损"),
    "物业管理": ("电梯经常停运", "物业费争议", "地下车库漏水"),
    "市政道路": ("道路坑洼积水", "井盖松动", "人行道破损"),
    "供暖供水": ("暖气不热", "停水未通知", "水压太低"),
    "邻里纠纷": ("楼上噪音扰民", "宠物扰民", "占用公共车位"),
    "安全隐患": ("电动车楼道充电", "消防通道堵塞", "外墙脱落"),
    "民生服务": ("老人就餐困难", "低保申请咨询", "就业帮扶需求"),
}
DEPARTMENTS = (
    ("区城市管理局", DepartmentKind.GOVERNMENT),
    ("区住房和城乡建设局", DepartmentKind.GOVERNMENT),
    ("区民政局", DepartmentKind.GOVERNMENT),
    ("区生态环境分局", DepartmentKind.GOVERNMENT),
    ("江北物业服务有限公司", DepartmentKind.PROPERTY_COMPANY),
    ("城北物业管理公司", DepartmentKind.PROPERTY_COMPANY),
    ("市热力公司", DepartmentKind.UTILITY),
    ("市自来水公司", DepartmentKind.UTILITY),
    ("市供电公司江北分公司", DepartmentKind.UTILITY),
    ("江北派出所", DepartmentKind.POLICE_STATION),
    ("区消防救援大队", DepartmentKind.PUBLIC_SERVICE),
    ("区社区卫生服务中心", DepartmentKind.PUBLIC_SERVICE),
)


async def _reference_data() -> tuple[list[tuple[int, tuple[str, ...]]], list[int]]:
    """The categories and departments the cases use (ids taken after any already there)."""
    first_category = (await CaseCategory.all().order_by("-id").first() or CaseCategory(id=0)).id
    first_department = (await Department.all().order_by("-id").first() or Department(id=0)).id
    categories = [
        CaseCategory(id=first_category + n, name=name) for n, name in enumerate(CATEGORIES, start=1)
    ]
    departments = [
        Department(id=first_department + n, name=name, kind=kind)
        for n, (name, kind) in enumerate(DEPARTMENTS, start=1)
    ]
    await CaseCategory.bulk_create(categories)
    await Department.bulk_create(departments)
    return (
        [(c.id, CATEGORIES[c.name]) for c in categories],
        [d.id for d in departments],
    )


async def generate_cases(
    count: int, grids: Sequence[Grid], *, seed: int = 2026, progress: Progress | None = None
) -> dict[str, int]:
    """Write ``count`` cases in ``grids`` into a database without cases; returns the rows
    written per table."""
    rng = random.Random(seed)
    categories, departments = await _reference_data()
    writer = CaseWriter(rng, grids, categories, departments)
    span = (UNTIL - START).total_seconds()
    # received times in order, so ids follow time as they would in a live system
    offsets = sorted(rng.random() * span for _ in range(count))
    written = {"Case": 0, "CaseEvent": 0, "CaseDispatch": 0, "CaseRating": 0}
    inserters = {m: Inserter(m) for m in (Case, CaseEvent, CaseDispatch, CaseRating)}
    for start in range(0, count, CHUNK):
        for offset in offsets[start : start + CHUNK]:
            writer.case(START + timedelta(seconds=offset))
        batch, writer.batch = writer.batch, Batch()
        async with in_transaction():
            for model, rows in (
                (Case, batch.cases),
                (CaseEvent, batch.events),
                (CaseDispatch, batch.dispatches),
                (CaseRating, batch.ratings),
            ):
                await inserters[model].insert(rows, progress)
                written[model.__name__] += len(rows)
    async with in_transaction():
        await rebuild_month_figures()  # the rows went in without the verbs that keep them
    written["CaseCategory"] = len(categories)
    written["Department"] = len(departments)
    return written

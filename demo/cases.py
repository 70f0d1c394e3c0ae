"""The demo's case categories, their time limits, and one case in every state of the loop.

Everything goes through the domain's verbs, as the people named in the demo would act, so each
case has its whole timeline. Case:1 is left submitted in 1栋: GraphiQL's examples walk it round
the loop (``api/graphiql_examples.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from demo.boundaries import point_in
from domain.case_categories import create_category, set_time_limit
from domain.cases.closing import rate_case
from domain.cases.common import CaseActor
from domain.cases.dispatching import DispatchTarget, dispatch_case, sign_for_case
from domain.cases.extras import comment_on_case, merge_case
from domain.cases.handling import reply_to_reporter, resolve_case, verify_case
from domain.cases.intake import accept_case, reject_case
from domain.cases.submit import CaseReport, submit_case
from domain.clock import moment
from models.case_records import CaseDispatch
from models.cases import Case, CaseCategory
from models.enums import CaseChannel, CaseClass, CaseUrgency
from models.grid import GridNode
from models.org import Department
from permissions.enums import Role

# No demo case carries a file, so nothing is ever written here.
NO_UPLOADS = Path("data/uploads")

# 城市管理 categories and their limits per class: (accept hours, handle working days, handle hours).
CATEGORIES: tuple[tuple[str, dict[CaseClass, tuple[int, int, int | None]]], ...] = (
    ("公共设施", {CaseClass.GENERAL: (24, 1, None), CaseClass.COORDINATION: (24, 3, None)}),
    ("市容环境", {CaseClass.GENERAL: (2, 1, None), CaseClass.COORDINATION: (24, 3, None)}),
    ("道路设施", {CaseClass.COORDINATION: (24, 5, None), CaseClass.EMERGENCY: (1, 0, 4)}),
    ("园林绿化", {CaseClass.COORDINATION: (24, 5, None)}),
    ("公共安全", {CaseClass.EMERGENCY: (1, 0, 2), CaseClass.COORDINATION: (12, 3, None)}),
    ("邻里纠纷", {CaseClass.GENERAL: (24, 3, None), CaseClass.COORDINATION: (24, 7, None)}),
    ("物业服务", {CaseClass.COORDINATION: (24, 5, None)}),
    ("供暖供水", {CaseClass.EMERGENCY: (1, 0, 8), CaseClass.COORDINATION: (24, 3, None)}),
)


@dataclass(frozen=True)
class Cast:
    """Who acts on the demo's cases, in the role each one holds."""

    resident: CaseActor
    micro: CaseActor
    worker: CaseActor
    cadre: CaseActor
    responder: CaseActor


async def load_categories() -> dict[str, CaseCategory]:
    categories = {}
    for name, limits in CATEGORIES:
        category = await create_category(name=name, parent=None, actor=None)
        categories[name] = category
        for case_class, (accept_hours, handle_days, handle_hours) in limits.items():
            await set_time_limit(
                category=category,
                case_class=case_class,
                accept_hours=accept_hours,
                handle_days=handle_days,
                handle_hours=handle_hours,
                actor=None,
            )
    return categories


async def _submit(
    cast: Cast,
    place: GridNode,
    title: str,
    description: str,
    channel: CaseChannel,
    *,
    by_worker: bool = False,
    urgency: CaseUrgency = CaseUrgency.NORMAL,
) -> Case:
    """A resident's report (王建华, so they can rate it), or a worker's own from a patrol."""
    actor = cast.micro if by_worker else cast.resident
    # Each case a point of its own, spread over its place.
    latitude, longitude = point_in(place.name, await Case.filter(place_id=place.id).count())
    report = CaseReport(
        title=title,
        description=description,
        channel=channel,
        place=place,
        latitude=latitude,
        longitude=longitude,
        urgency=urgency,
        reporter_id=actor.person_id,
    )
    return await submit_case(report=report, actor=actor, upload_dir=NO_UPLOADS)


async def _accept(cast: Cast, case: Case, category: CaseCategory, case_class: CaseClass) -> None:
    await accept_case(case=case, actor=cast.worker, case_class=case_class, category=category)


async def _to_department(cast: Cast, case: Case, department: Department) -> None:
    await dispatch_case(
        case=case, actor=cast.worker, targets=[DispatchTarget(department=department)]
    )
    dispatch = await CaseDispatch.get(case_id=case.id, department_id=department.id)
    await sign_for_case(case=case, actor=cast.responder, dispatch=dispatch)


async def _resolved_on_site(cast: Cast, case: Case, category: CaseCategory, result: str) -> None:
    await _accept(cast, case, category, CaseClass.GENERAL)
    await resolve_case(case=case, actor=cast.worker, result=result, upload_dir=NO_UPLOADS)


async def _replied(cast: Cast, case: Case, category: CaseCategory, result: str) -> None:
    await _resolved_on_site(cast, case, category, result)
    await verify_case(case=case, actor=cast.micro, passed=True, note="现场核实，已整改")
    await reply_to_reporter(case=case, actor=cast.worker, text=result)


async def load_cases(
    cast: Cast,
    places: dict[str, GridNode],
    categories: dict[str, CaseCategory],
    departments: dict[str, Department],
) -> dict[str, Case]:
    """One case per state of the loop, in 振兴路社区 (most in 第一网格, seen by its logins)."""
    building, grid = places["1栋"], places["第一网格"]
    city = departments["城市管理局"]
    cases: dict[str, Case] = {}

    cases["submitted"] = await _submit(
        cast, building, "楼道灯坏了", "1栋三楼楼道灯不亮，晚上老人上下楼看不见", CaseChannel.ONLINE
    )

    gate = await _submit(
        cast,
        grid,
        "小区东门门禁损坏",
        "东门门禁坏了三天，刷卡进不去，老人进出不便",
        CaseChannel.STATION,
    )
    await _accept(cast, gate, categories["公共设施"], CaseClass.COORDINATION)
    cases["accepted"] = gate

    lamp = await _submit(
        cast,
        grid,
        "路灯杆倾斜",
        "振兴路88号门口路灯杆被车撞歪，有倒下的危险",
        CaseChannel.PATROL,
        by_worker=True,
    )
    await _accept(cast, lamp, categories["道路设施"], CaseClass.COORDINATION)
    await dispatch_case(case=lamp, actor=cast.worker, targets=[DispatchTarget(department=city)])
    cases["dispatched"] = lamp

    weeds = await _submit(
        cast,
        places["第二网格"],
        "绿化带杂草丛生",
        "2栋南侧绿化带久未修剪，蚊虫多",
        CaseChannel.WECHAT_GROUP,
    )
    await _accept(cast, weeds, categories["园林绿化"], CaseClass.COORDINATION)
    await _to_department(cast, weeds, city)
    await comment_on_case(case=weeds, actor=cast.responder, text="已安排园林班组，本周内修剪")
    cases["handling"] = weeds

    paving = await _submit(
        cast,
        grid,
        "人行道地砖松动",
        "小区门口人行道地砖松动翘起，下雨踩上去溅水，已有老人绊倒",
        CaseChannel.HOTLINE_12345,
    )
    await _accept(cast, paving, categories["道路设施"], CaseClass.COORDINATION)
    await _to_department(cast, paving, city)
    await _make_late(paving)
    cases["overdue"] = paving

    bins = await _submit(
        cast,
        building,
        "垃圾桶满溢",
        "1栋楼下垃圾桶满了没人清运，气味很大",
        CaseChannel.WECHAT_GROUP,
    )
    await _resolved_on_site(cast, bins, categories["市容环境"], "已联系保洁清运并冲洗地面")
    cases["resolved"] = bins

    ads = await _submit(
        cast, building, "楼道小广告", "1栋楼道墙上贴满开锁、通下水道小广告", CaseChannel.STATION
    )
    await _resolved_on_site(cast, ads, categories["市容环境"], "已组织志愿者清理小广告")
    await verify_case(case=ads, actor=cast.micro, passed=True, note="现场核实，已清理干净")
    cases["verified"] = ads

    bike = await _submit(
        cast,
        building,
        "楼道堆放杂物",
        "1栋二楼楼道堆满纸箱和旧家具，堵住消防通道",
        CaseChannel.HOME_VISIT,
    )
    await _replied(cast, bike, categories["公共安全"], "已劝导住户清走杂物，消防通道畅通")
    cases["replied"] = bike

    noise = await _submit(
        cast, building, "楼上装修噪音扰民", "1-201楼上周末早上七点就开始装修", CaseChannel.HOTLINE
    )
    await _replied(
        cast, noise, categories["邻里纠纷"], "已上门协调，装修时间改为8:00-12:00、14:00-18:00"
    )
    await rate_case(case=noise, actor=cast.resident, score=5, comment="很快就解决了，满意")
    cases["closed"] = noise

    leak = await _submit(
        cast, building, "楼顶漏水", "1-302顶楼下雨天漏水，墙皮脱落", CaseChannel.ONLINE
    )
    await _replied(cast, leak, categories["物业服务"], "物业已对楼顶做临时防水处理")
    await rate_case(case=leak, actor=cast.resident, score=2, comment="下雨还是漏，没有根治")
    cases["reopened"] = leak

    heating = await _submit(
        cast, building, "暖气不热", "1-102家里暖气片温度只有十几度，老人怕冷", CaseChannel.HOTLINE
    )
    await _replied(cast, heating, categories["供暖供水"], "热力公司已排气，室温恢复到20度")
    # Not satisfied three times: reopened (重办) twice, then left for a cadre to close.
    for comment in ("过两天又不热了", "还是不热"):
        await rate_case(case=heating, actor=cast.resident, score=2, comment=comment)
        await resolve_case(
            case=heating,
            actor=cast.worker,
            result="热力公司再次排气并更换阀门",
            upload_dir=NO_UPLOADS,
        )
        await verify_case(case=heating, actor=cast.micro, passed=True)
        await reply_to_reporter(case=heating, actor=cast.worker, text="已更换阀门，请再观察")
    await rate_case(case=heating, actor=cast.resident, score=1, comment="整个冬天都不热")
    cases["unsatisfied"] = heating

    social = await _submit(
        cast, building, "咨询社保缴费", "想问灵活就业人员社保怎么缴", CaseChannel.ONLINE
    )
    await reject_case(
        case=social, actor=cast.worker, reason="属政策咨询，已告知拨打12333或到社区服务窗口办理"
    )
    cases["rejected"] = social

    again = await _submit(
        cast, grid, "东门门禁刷不开", "东门门禁还是坏的，刷卡没反应", CaseChannel.WECHAT_GROUP
    )
    await merge_case(
        duplicate=again, original=gate, actor=cast.cadre, reason="与东门门禁损坏为同一事项"
    )
    cases["merged"] = again

    smoke = await _submit(
        cast,
        grid,
        "餐馆油烟扰民、占道经营",
        "振兴路88号沿街烧烤店油烟直排，夜里桌椅摆到人行道上，居民多次反映未改",
        CaseChannel.PATROL,
        by_worker=True,
        urgency=CaseUrgency.URGENT,
    )
    await _accept(cast, smoke, categories["市容环境"], CaseClass.COORDINATION)
    await dispatch_case(
        case=smoke,
        actor=cast.cadre,
        note="吹哨报到：城管牵头，市场监管查油烟净化，派出所维持夜间秩序",
        targets=[
            DispatchTarget(department=city, is_lead=True),
            DispatchTarget(department=departments["丹阳市市场监督管理局"]),
            DispatchTarget(department=departments["云阳派出所"]),
        ],
    )
    dispatch = await CaseDispatch.get(case_id=smoke.id, department_id=city.id)
    await sign_for_case(case=smoke, actor=cast.responder, dispatch=dispatch)
    cases["whistle"] = smoke
    return cases


async def _make_late(case: Case) -> None:
    """The demo's one shortcut: a case of last week, so that a fresh demo has a late one. Its
    events stay as written (they are never updated); only the deadlines move back."""
    due = moment() - timedelta(days=2)
    await Case.filter(id=case.id).update(handle_due_at=due)
    await CaseDispatch.filter(case_id=case.id).update(handle_due_at=due)


def actor(user_id: int, person_id: int | None, role: Role | str) -> CaseActor:
    return CaseActor(
        user_id=user_id, person_id=person_id, role=role if isinstance(role, str) else role.value
    )

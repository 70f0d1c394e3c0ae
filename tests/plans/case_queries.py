"""Query plans of the case area: lists and filters, the public board, a case's records, the
figures, the categories and time limits, and one's notifications."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from domain.case_month_figures import rebuild as rebuild_month_figures
from models.case_records import (
    CaseAttachment,
    CaseDispatch,
    CaseEvent,
    CaseExtension,
    CaseRating,
    Notification,
)
from models.cases import Case, CaseCategory, TimeLimitRule, place_columns
from models.enums import (
    AttachmentKind,
    CaseAction,
    CaseChannel,
    CaseClass,
    CaseState,
    DepartmentKind,
    NotificationKind,
)
from models.org import Department
from permissions.enums import Role
from schema.relay import to_global_id
from tests.plans.plan import PlanQuery, Seeded, as_person, by_global_id, variables_of


async def seed_cases(seeded: Seeded) -> Seeded:
    """A category with a narrower and a retired one and a time limit, a department, and cases
    in the north grid in several states, one of them dispatched to the department."""
    grid = seeded["north_grid"]
    category = await CaseCategory.create(name="环境卫生")
    await CaseCategory.create(name="垃圾清运", parent=category)
    await CaseCategory.create(name="旧分类", is_active=False)
    rule = await TimeLimitRule.create(
        category=category, case_class=CaseClass.COORDINATION, accept_hours=2, handle_days=5
    )
    department = await Department.create(name="区城市管理局", kind=DepartmentKind.GOVERNMENT)
    at = datetime(2026, 3, 1, tzinfo=timezone(timedelta(hours=8)))
    cases = [
        await Case.create(
            title=f"事项{n}",
            description="",
            category=category,
            case_class=CaseClass.COORDINATION,
            channel=CaseChannel.HOTLINE,
            state=state,
            place=grid,
            **place_columns(grid.path),
            submitted_month="2026-03",
            accept_due_at=at,
            handle_due_at=at,
        )
        for n, state in enumerate((CaseState.SUBMITTED, CaseState.HANDLING, CaseState.CLOSED))
    ]
    dispatch = await CaseDispatch.create(case=cases[1], department=department)
    records = await _records(cases[1], dispatch)
    await rebuild_month_figures()  # the cases were written directly, as a bulk load is
    return {
        **records,
        "category": category,
        "rule": rule,
        "dispatch": dispatch,
        "closed_case": cases[2],
        "department": department,
        "case": cases[1],
        "category_id": to_global_id("CaseCategory", category.id),
        "case_id": to_global_id("Case", cases[1].id),
    }


async def _records(case: Case, dispatch: CaseDispatch) -> Seeded:
    """One of each record a case keeps, and a duplicate merged into it."""
    event = await CaseEvent.create(
        case=case, action=CaseAction.SUBMIT, to_state=CaseState.SUBMITTED, role="reporter"
    )
    attachment = await CaseAttachment.create(
        case=case,
        kind=AttachmentKind.REPORT,
        filename="照片.jpg",
        content_type="image/jpeg",
        size=1,
        sha256="0" * 64,
        storage_path="00/照片.jpg",
    )
    extension = await CaseExtension.create(case=case, dispatch=dispatch, days=3, reason="等配件")
    await CaseRating.create(case=case, round=0, score=5, satisfied=True)
    await Case.create(
        title="重复事项",
        description="",
        case_class=case.case_class,
        channel=case.channel,
        state=CaseState.MERGED,
        place_id=case.place_id,
        **place_columns(case.place_path),
        submitted_month=case.submitted_month,
        merged_into=case,
    )
    return {"case_event": event, "attachment": attachment, "extension": extension}


as_head = as_person("head")


async def _mine(seeded: Seeded, user_id: int) -> None:
    """The caller recorded one case and, as the household head, reported another."""
    await as_head(seeded, user_id)
    await Case.filter(title="事项0").update(recorded_by_id=user_id)
    await Case.filter(title="事项2").update(reporter_id=seeded["head"].id)


async def _reporter(seeded: Seeded, user_id: int) -> None:
    """The caller, the household head, reported the duplicate merged into the dispatched case."""
    await as_head(seeded, user_id)
    await Case.filter(title="重复事项").update(reporter_id=seeded["head"].id)


CASE_FIELDS = "totalCount nodes { title state place { name } reporterName }"


def _case_list(name: str, args: str) -> PlanQuery:
    prepare = _mine if "mine" in args else None
    used = [(k, d) for k, d in (("id", "$id: ID!"), ("cat", "$cat: ID!")) if f"${k}" in args]
    head = f"query({', '.join(d for _, d in used)})" if used else "query"
    keys = {"id": "north_id", "cat": "category_id"}
    return PlanQuery(
        f"cases {name}".strip(),
        f"{head} {{ cases({args}) {{ {CASE_FIELDS} }} }}",
        variables=lambda s: {k: s[keys[k]] for k, _ in used},
        role=Role.COMMUNITY_CADRE,
        place="north",
        prepare=prepare,
    )


CASE_QUERIES = (
    [
        _case_list(name, args)
        for name, args in (
            ("", "first: 20"),
            ("by state", "state: HANDLING"),
            ("by class", "caseClass: COORDINATION"),
            ("by category", "categoryId: $cat"),
            ("of a subtree", "subtreeOf: $id"),
            ("overdue", "overdue: true"),
            ("not overdue", "overdue: false"),
            ("mine", "mine: true"),
        )
    ]
    + [
        PlanQuery(
            "cases a resident sees: those they reported and the originals of their duplicates",
            f"{{ cases {{ {CASE_FIELDS} }} }}",
            role=Role.RESIDENT,
            place="north_building",
            prepare=_reporter,
        ),
        PlanQuery(
            "cases a department responder sees: those dispatched to the department",
            f"{{ cases {{ {CASE_FIELDS} }} }}",
            role=Role.DEPARTMENT_RESPONDER,
            place="department",
        ),
        PlanQuery(
            "public cases",
            "query($id: ID!) { publicCases(subtreeOf: $id) { nodes { title } } }",
            variables=variables_of(id="north_id"),
        ),
        PlanQuery(
            "a case with its records",
            """query($id: ID!) { node(id: $id) { ... on Case { title
             timeline { nodes { action } } dispatches { isLead } ratings { score }
             attachments { filename } extensions { days } duplicates { title } } } }""",
            variables=variables_of(id="case_id"),
            role=Role.COMMUNITY_CADRE,
            place="north",
        ),
    ]
    + [
        PlanQuery(
            f"case figures by {group}",
            f"""query($id: ID!) {{ caseFigures(placeId: $id, monthFrom: "2026-01",
             monthTo: "2026-12", groupBy: {group}) {{ key received closed overdue }} }}""",
            variables=variables_of(id="north_id"),
            role=Role.COMMUNITY_CADRE,
            place="north",
        )
        for group in ("NONE", "MONTH", "CATEGORY", "CHILD_PLACE", "DEPARTMENT")
    ]
)


async def _notify(seeded: Seeded, user_id: int) -> None:
    """Two notifications for the caller, one read, both about the dispatched case."""
    for read_at in (None, datetime(2026, 3, 2, tzinfo=UTC)):
        seeded["notification"] = await Notification.create(
            recipient_id=user_id,
            kind=NotificationKind.DISPATCHED,
            case=seeded["case"],
            message="派件",
            read_at=read_at,
        )


CATEGORY_QUERIES = [
    PlanQuery(
        "case categories",
        "{ caseCategories { totalCount nodes { name parent { name } children { name } } } }",
    ),
    PlanQuery(
        "case categories with retired ones",
        "{ caseCategories(includeInactive: true) { totalCount nodes { name } } }",
    ),
    PlanQuery(
        "case categories under a parent",
        "query($id: ID!) { caseCategories(parentId: $id) { totalCount nodes { name } } }",
        variables=variables_of(id="category_id"),
    ),
    PlanQuery(
        "time-limit rules",
        "{ timeLimitRules { totalCount nodes { acceptHours category { name } } } }",
    ),
]

NOTIFICATION_QUERIES = [
    PlanQuery(
        f"my notifications{name}",
        f"{{ myNotifications{args} {{ totalCount nodes {{ kind case {{ title }} }} }} }}",
        role=Role.COMMUNITY_CADRE,
        place="north",
        prepare=_notify,
    )
    for name, args in (("", ""), (" unread", "(unreadOnly: true)"))
]

CASE_QUERIES += [
    *CATEGORY_QUERIES,
    *NOTIFICATION_QUERIES,
    by_global_id(
        "case records, categories, rules and notifications by global id",
        """... on CaseEvent { action } ... on CaseDispatch { isLead }
           ... on CaseAttachment { filename } ... on CaseExtension { days }
           ... on CaseCategory { name } ... on TimeLimitRule { acceptHours }
           ... on Notification { kind } ... on PublicCase { title }""",
        lambda s: [
            ("CaseEvent", s["case_event"]),
            ("CaseDispatch", s["dispatch"]),
            ("CaseAttachment", s["attachment"]),
            ("CaseExtension", s["extension"]),
            ("CaseCategory", s["category"]),
            ("TimeLimitRule", s["rule"]),
            ("Notification", s["notification"]),
            ("PublicCase", s["closed_case"]),
        ],
        role=Role.COMMUNITY_CADRE,
        place="north",
        prepare=_notify,
    ),
]

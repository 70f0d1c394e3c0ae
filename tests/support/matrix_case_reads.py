"""Matrix rows of what the case loop shows and of its settings: cases are seen as their
actions are taken (tests/support/matrix_cases.py), the public board and the categories and
time limits by everyone, figures by cadres of the place, notifications by their
recipient only. Categories, time limits and the working calendar are changed by admins.
"""

from __future__ import annotations

import itertools
from datetime import date

from models.calendar import CalendarDay
from models.case_records import CaseEvent, Notification
from models.cases import CaseCategory, TimeLimitRule
from models.enums import CaseState, NotificationKind
from tests.support.matrix import (
    ACTORS,
    ADMIN,
    ALL,
    ANONYMOUS,
    EVERYONE,
    OTHER,
    OWN,
    SAME,
    TOKEN,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.matrix_cases import RESIDENT, RESPONDER, make_case

_serial = itertools.count(1)
# The board, the categories and the time limits are public, like the grid itself.
CASE_READERS = {
    RESIDENT: only(OWN),
    "micro_grid_worker": only(SAME),
    "grid_worker": only(SAME),
    TOKEN: only(SAME),
    "community_cadre": only(SAME),
    RESPONDER: only(OWN),
    ADMIN: only(SAME, OTHER),
}
# the nested edge is a notification to the caller: an API token has none
NOTIFIED_READERS = {k: v for k, v in CASE_READERS.items() if k != TOKEN}
RECIPIENTS = {actor: only(OWN) for actor in ACTORS if actor not in (ANONYMOUS, TOKEN)}
ADMINS = {ADMIN: ALL}


async def _case(world: World, actor: str, relation: str) -> Target | None:
    """A case, reached nested through a notification about it to the caller."""
    case = await make_case(world, actor, relation)
    if case is None:
        return None
    user = world.users.get(actor)
    if user is None:
        return Target(gid("Case", case.id), parent=gid("Notification", 0))
    note = await Notification.create(
        recipient_id=user.id, kind=NotificationKind.DISPATCHED, case_id=case.id, message="新派件"
    )
    return Target(gid("Case", case.id), parent=gid("Notification", note.id))


async def _event(world: World, actor: str, relation: str) -> Target | None:
    """A case's submission event, reached nested through the case's timeline."""
    case = await make_case(world, actor, relation)
    if case is None:
        return None
    event = await CaseEvent.get(case_id=case.id)
    return Target(gid("CaseEvent", event.id), parent=gid("Case", case.id))


async def _public(world: World, actor: str, relation: str) -> Target | None:
    case = await make_case(world, actor, relation, CaseState.REPLIED)
    return None if case is None else Target(gid("PublicCase", case.id))


async def _category(world: World, actor: str, relation: str) -> Target | None:
    """Categories belong to no place: one cell, a child under a top-level category."""
    if relation != SAME:
        return None
    parent = await CaseCategory.create(name=f"公共设施{next(_serial)}")
    child = await CaseCategory.create(name="路灯", parent=parent)
    return Target(gid("CaseCategory", child.id), parent=gid("CaseCategory", parent.id))


async def _rule(world: World, actor: str, relation: str) -> Target | None:
    if relation != SAME:
        return None
    category = await CaseCategory.create(name=f"供暖{next(_serial)}")
    rule = await TimeLimitRule.create(category=category, accept_hours=4, handle_days=3)
    return Target(gid("TimeLimitRule", rule.id))


async def _figures_place(world: World, actor: str, relation: str) -> Target | None:
    """own: the actor's home, same: a node inside it, other: the home's mirror."""
    home = world.grid_home(actor)
    inside = {"north": "north_grid", "north_grid": "north_building"}
    key = {OWN: home, SAME: inside.get(home), OTHER: world.mirror(home)}[relation]
    return None if key is None else Target(gid("Grid", world.grid(key).id))


async def _recipient(world: World, actor: str, relation: str) -> int | None:
    """own: the caller, same/other: a peer at the caller's place or its mirror."""
    if relation == OWN:
        user = world.users.get(actor)
        return None if user is None else user.id
    return (await world.peer(actor, relation)).id


async def _notification(world: World, actor: str, relation: str) -> Notification | None:
    recipient = await _recipient(world, actor, relation)
    if recipient is None:
        return None
    case = await make_case(world, RESIDENT, SAME)
    assert case is not None
    return await Notification.create(
        recipient_id=recipient, kind=NotificationKind.REPLIED, case_id=case.id, message="已答复"
    )


async def _notifications(world: World, actor: str, relation: str) -> Target | None:
    note = await _notification(world, actor, relation)
    return None if note is None else Target(gid("Notification", note.id))


# Figures have no id: the document shows the place's id only when the figures answer too
# (a refusal nulls the whole answer).
FIGURES = "query($id: ID!) { place: node(id: $id) { id } caseFigures(placeId: $id) { received } }"

READS = [
    ReadRow(
        name="cases",
        target=_case,
        list="{ cases(first: 100) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on Notification { case { id } } } }",
        sees=CASE_READERS,
        nested_sees=NOTIFIED_READERS,
    ),
    ReadRow(
        name="caseTimeline",
        target=_event,
        list=None,  # no list of its own: reached through Case.timeline
        nested="query($parent: ID!) { node(id: $parent) { ... on Case { timeline { nodes { id } } } } }",
        sees=CASE_READERS,
    ),
    ReadRow(
        name="publicCases",
        target=_public,
        list="{ publicCases(first: 100) { nodes { id } } }",
        nested=None,  # nothing leads to a public case
        sees=EVERYONE,
    ),
    ReadRow(
        name="caseCategories",
        target=_category,
        list="query($parent: ID!) { caseCategories(parentId: $parent) { nodes { id } } }",
        nested="query($parent: ID!) { node(id: $parent) { ... on CaseCategory { children { id } } } }",
        sees=EVERYONE,
    ),
    ReadRow(
        name="timeLimitRules",
        target=_rule,
        list="{ timeLimitRules(first: 100) { nodes { id } } }",
        nested=None,  # nothing leads to a rule
        sees=EVERYONE,
    ),
    ReadRow(
        name="caseFigures",
        target=_figures_place,
        list=FIGURES,
        nested=None,
        node=FIGURES,
        sees={"community_cadre": only(OWN, SAME), ADMIN: ALL},
    ),
    ReadRow(
        name="myNotifications",
        target=_notifications,
        list="{ myNotifications(first: 100) { nodes { id } } }",
        nested=None,  # nothing leads to a notification
        sees=RECIPIENTS,
    ),
]


async def _mark_read(world: World, actor: str, relation: str) -> Attempt | None:
    note = await _notification(world, actor, relation)
    if note is None:
        return None

    async def read_at() -> object:
        return await Notification.filter(id=note.id).values_list("read_at", flat=True)

    return Attempt({"input": {"notificationId": gid("Notification", note.id)}}, read_at)


async def _categories() -> object:
    return await CaseCategory.all().order_by("id").values_list("name", "is_active", "parent_id")


async def _create_category(world: World, actor: str, relation: str) -> Attempt | None:
    if relation != SAME:
        return None
    return Attempt({"input": {"name": f"绿化{next(_serial)}"}}, _categories)


async def _update_category(world: World, actor: str, relation: str) -> Attempt | None:
    if relation != SAME:
        return None
    category = await CaseCategory.create(name=f"停车{next(_serial)}")
    variables = {"categoryId": gid("CaseCategory", category.id), "name": "停车管理"}
    return Attempt({"input": variables}, _categories)


async def _set_rule(world: World, actor: str, relation: str) -> Attempt | None:
    if relation != SAME:
        return None
    category = await CaseCategory.create(name=f"噪音{next(_serial)}")

    async def rules() -> object:
        return await TimeLimitRule.all().order_by("id").values_list("accept_hours", "handle_days")

    variables = {
        "categoryId": gid("CaseCategory", category.id),
        "acceptHours": 2,
        "handleDays": 1,
    }
    return Attempt({"input": variables}, rules)


async def _set_day(world: World, actor: str, relation: str) -> Attempt | None:
    if relation != SAME:
        return None

    async def days() -> object:
        return await CalendarDay.all().order_by("id").values_list("day", "is_workday", "name")

    variables = {"day": date(2026, 12, 26).isoformat(), "isWorkday": True, "name": "调休上班"}
    return Attempt({"input": variables}, days)


WRITES = [
    WriteRow("markNotificationRead", "NotificationRead", _mark_read, RECIPIENTS),
    WriteRow("createCaseCategory", "CaseCategoryCreated", _create_category, ADMINS),
    WriteRow("updateCaseCategory", "CaseCategoryUpdated", _update_category, ADMINS),
    WriteRow("setTimeLimitRule", "TimeLimitRuleSet", _set_rule, ADMINS),
    WriteRow("setCalendarDay", "CalendarDaySet", _set_day, ADMINS),
]

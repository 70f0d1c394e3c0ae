"""Admin management of case categories, time limits and calendar days."""

from __future__ import annotations

from datetime import date

from models.auth import AuditEntry
from models.calendar import CalendarDay
from models.cases import CaseCategory
from tests.support.cases import build_world
from tests.support.graphql import GraphQLClient

CREATE = """mutation($input: CreateCaseCategoryInput!) { createCaseCategory(input: $input) {
  __typename ... on CaseCategoryCreated { category { id name parent { name } } }
  ... on Error { code } } }"""
UPDATE = """mutation($input: UpdateCaseCategoryInput!) { updateCaseCategory(input: $input) {
  __typename ... on CaseCategoryUpdated { category { name isActive } } ... on Error { code } } }"""
DAY = """mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) {
  __typename ... on CalendarDaySet { day isWorkday name } ... on Error { code } } }"""


async def test_an_admin_keeps_the_category_tree_and_others_may_not(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    admin = world.as_("admin")
    top = (await admin.data(CREATE, {"input": {"name": "物业管理"}}))["createCaseCategory"]
    child = (
        await admin.data(CREATE, {"input": {"name": "电梯故障", "parentId": top["category"]["id"]}})
    )["createCaseCategory"]
    assert child["category"]["parent"] == {"name": "物业管理"}
    clash = await admin.data(CREATE, {"input": {"name": "物业管理"}})
    assert clash["createCaseCategory"] == {"__typename": "Conflict", "code": "conflict"}
    retired = await admin.data(
        UPDATE, {"input": {"categoryId": child["category"]["id"], "isActive": False}}
    )
    assert retired["updateCaseCategory"]["category"] == {"name": "电梯故障", "isActive": False}
    listed = await gql.data("{ caseCategories { nodes { name } } }")
    assert [n["name"] for n in listed["caseCategories"]["nodes"]] == [
        "公共设施",
        "环境卫生",
        "供暖",
        "物业管理",
    ]

    before = await CaseCategory.all().count()
    for who in ("cadre", "worker", "resident", "property"):
        denied = await world.as_(who).data(CREATE, {"input": {"name": "越权"}})
        assert denied["createCaseCategory"]["__typename"] == "PermissionDenied"
    assert await CaseCategory.all().count() == before
    assert await AuditEntry.filter(action__startswith="case_category").count() == 3


async def test_an_admin_enters_a_2027_holiday_and_others_may_not(gql: GraphQLClient) -> None:
    world = await build_world(gql)
    entered = await world.as_("admin").data(
        DAY, {"input": {"day": "2027-01-01", "isWorkday": False, "name": "元旦"}}
    )
    assert entered["setCalendarDay"] == {
        "__typename": "CalendarDaySet",
        "day": "2027-01-01",
        "isWorkday": False,
        "name": "元旦",
    }
    denied = await world.as_("cadre").data(
        DAY, {"input": {"day": "2027-01-02", "isWorkday": True, "name": "调休"}}
    )
    assert denied["setCalendarDay"]["__typename"] == "PermissionDenied"
    assert [d.day for d in await CalendarDay.all()] == [date(2027, 1, 1)]

"""Row scoping has one home: every model has a row rule (or is never listed), and a list built
without one is refused rather than shown."""

from __future__ import annotations

import pytest
from tortoise import Tortoise

from models.people import Person
from permissions.rows import registered
from schema.pagination import paginate

# Tables no list, node or edge ever shows: each needs a reason here, or a rule in
# permissions/rows.
NEVER_LISTED = {
    "LoginAttempt": "throttling state of failed logins",
    "Session": "bearer sessions, only ever looked up by token hash",
    "CaseMonthFigures": "kept figures, read only summed",
    "BoundaryImport": "the record of each boundary import, read for its latest id",
    "CalendarDay": "the working-day calendar, read by the deadline rules",
    "PartyBranchGrid": "a link table, reached through branches",
    "PartyMemberContact": "a link table, reached through party members",
    "PersonTag": "a link table, reached through persons",
    "VolunteerTeamMember": "a link table, reached through teams",
}


async def test_a_list_built_without_the_registry_is_refused(db: str) -> None:
    with pytest.raises(TypeError, match=r"permissions\.rows"):
        await paginate(Person.all(), lambda row: row)


async def test_every_model_has_a_row_rule_or_a_reason_never_to_be_listed(db: str) -> None:
    kinds = registered()
    ruled = {*kinds["rule"], *kinds["board"], *kinds["children"]}
    models = {m.__name__ for m in Tortoise.apps["models"].values()}
    missing = models - ruled - NEVER_LISTED.keys()
    assert missing == set(), f"give these a row rule in permissions/rows: {sorted(missing)}"
    assert ruled & NEVER_LISTED.keys() == set()

"""Query plans of volunteering: activities, sign-ups, service hours, service records."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial

from models.enums import ListCategory, SignUpState
from models.volunteering import Activity, ActivitySignUp, SignUpEvent
from permissions.enums import Role
from schema.relay import to_global_id
from tests.plans.plan import PlanQuery, Seeded, as_person, by_global_id, connection


async def seed_volunteering(seeded: Seeded) -> Seeded:
    """The team's repair activity in the north grid, under way: the grid worker served and
    their hours are verified, the volunteer has signed up."""
    grid = seeded["north_grid"]
    moment = datetime.now(UTC)
    activity = await Activity.create(
        title="义务维修",
        category=ListCategory.REPAIR,
        starts_at=moment - timedelta(hours=1),
        ends_at=moment + timedelta(hours=2),
        place=grid,
        place_path=grid.path,
        capacity=10,
        taken=2,
        team=seeded["team"],
        organiser_user_id=0,
    )
    served = await ActivitySignUp.create(
        activity=activity,
        person=seeded["worker"],
        state=SignUpState.VERIFIED,
        checked_in_at=moment - timedelta(hours=1),
        checked_out_at=moment,
        hours=Decimal("2.5"),
        verified_at=moment,
    )
    signed = await ActivitySignUp.create(activity=activity, person=seeded["child"])
    histories = ((served, ("sign_up", "check_in", "check_out", "verify")), (signed, ("sign_up",)))
    events = [
        await SignUpEvent.create(sign_up=sign_up, step=step, to_state=sign_up.state)
        for sign_up, steps in histories
        for step in steps
    ]
    return {
        "activity": activity,
        "sign_up": served,
        "sign_up_event": events[0],
        "activity_id": to_global_id("Activity", activity.id),
    }


async def own_activities(seeded: Seeded, user_id: int) -> None:
    """The caller organises the activity."""
    await Activity.all().update(organiser_user_id=user_id)


cadre = partial(connection, role=Role.COMMUNITY_CADRE, place="north")
NORTH = {"id": "north_id"}

SIGN_UP = "state hours person { name } activity { title } events { totalCount nodes { step } }"
SERVICE_RECORD = """name hours contactVisits { totalCount nodes { visitedAt person { name } } }
    claimsFulfilled { totalCount nodes { title } }
    activities { totalCount nodes { hours activity { title } } }"""

VOLUNTEERING_QUERIES = [
    connection("activities", "activities", "title taken place { name } team { name }"),
    connection("activities of a place", "activities", "title", args="placeId: $id", ids=NORTH),
    connection("activities to come", "activities", "title", args="upcoming: true"),
    cadre(
        "activities with their sign-ups",
        "activities",
        f"title signUps {{ totalCount nodes {{ {SIGN_UP} }} }}",
    ),
    cadre("sign-ups", "signUps", SIGN_UP),
    cadre(
        "sign-ups of an activity",
        "signUps",
        "state",
        args="activityId: $id",
        ids={"id": "activity_id"},
    ),
    connection(
        "sign-ups a volunteer sees: their own",
        "signUps",
        "state activity { title }",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_person("child"),
    ),
    connection(
        "sign-ups an organiser sees: their activity's",
        "signUps",
        "state person { name }",
        role=Role.RESIDENT,
        place="south_building",
        prepare=own_activities,
    ),
    PlanQuery(
        "volunteer hours of a place",
        """query($id: ID!) { volunteerHours(placeId: $id) {
             hours isVolunteer isPartyMember person { name } } }""",
        variables=lambda s: {"id": s["north_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "volunteer hours of a place in a month",
        """query($id: ID!, $m: Date!) { volunteerHours(placeId: $id, month: $m) {
             hours person { name } } }""",
        variables=lambda s: {"id": s["north_id"], "m": s["this_month"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "a party member's service record",
        f"query($id: ID!) {{ serviceRecord(partyMemberId: $id) {{ {SERVICE_RECORD} }} }}",
        variables=lambda s: {"id": s["member_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "one's own service record",
        f"query($id: ID!) {{ serviceRecord(partyMemberId: $id) {{ {SERVICE_RECORD} }} }}",
        variables=lambda s: {"id": s["member_id"]},
        role=Role.RESIDENT,
        place="north_grid",
        prepare=as_person("worker"),
    ),
    by_global_id(
        "activities, sign-ups and their history by global id",
        "... on Activity { title } ... on ActivitySignUp { state } ... on SignUpEvent { step }",
        lambda s: [
            ("Activity", s["activity"]),
            ("ActivitySignUp", s["sign_up"]),
            ("SignUpEvent", s["sign_up_event"]),
        ],
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

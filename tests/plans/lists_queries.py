"""Query plans of the three lists: needs (named and public), resources, services, matching,
and the figures of the lists, patrols, visits and volunteering."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial

from models.enums import (
    ClaimantKind,
    ListCategory,
    NeedAction,
    NeedKind,
    NeedState,
    ProviderKind,
)
from models.grid import Station
from models.lists import Need, NeedEvent, ResourceOffer, ServiceOffer
from permissions.enums import Role
from schema.relay import to_global_id
from tests.plans.people_queries import as_head
from tests.plans.plan import PlanQuery, Seeded, by_global_id, connection


async def seed_lists(seeded: Seeded) -> Seeded:
    """Three repair needs of the north building: one published, one a micro-wish claimed by
    the volunteer and turned into a case, one the party member fulfilled and the poster
    confirmed this month, each with its history; a published resource of the unit and an
    unpublished one of the party member; a published service at a station of the north."""
    building, north = seeded["north_building"], seeded["north"]
    head, child, member = seeded["head"], seeded["child"], seeded["member"]
    moment = datetime.now(UTC)
    common = {
        "category": ListCategory.REPAIR,
        "place": building,
        "place_path": building.path,
        "poster_person": head,
    }
    published = await Need.create(
        kind=NeedKind.NEED, title="水管漏水", state=NeedState.PUBLISHED, **common
    )
    claimed = await Need.create(
        kind=NeedKind.MICRO_WISH,
        title="修理轮椅",
        state=NeedState.CLAIMED,
        claimant_kind=ClaimantKind.VOLUNTEER,
        claimant_volunteer=seeded["volunteer"],
        claimant_person_id=child.id,
        claimed_at=moment,
        claim_deadline=moment + timedelta(days=7),
        case=seeded["case"],
        **common,
    )
    confirmed = await Need.create(
        kind=NeedKind.NEED,
        title="换灯泡",
        state=NeedState.CONFIRMED,
        claimant_kind=ClaimantKind.PARTY_MEMBER,
        claimant_party_member=member,
        claimant_person_id=member.person_id,
        claimed_at=moment - timedelta(days=2),
        fulfilled_at=moment - timedelta(days=1),
        confirmed_at=moment,
        **common,
    )
    history = {
        published: (NeedAction.POST, NeedAction.PUBLISH),
        claimed: (NeedAction.POST, NeedAction.PUBLISH, NeedAction.CLAIM),
        confirmed: (NeedAction.CLAIM, NeedAction.FULFIL, NeedAction.CONFIRM),
    }
    events = [
        await NeedEvent.create(need=need, action=action, to_state=need.state)
        for need, actions in history.items()
        for action in actions
    ]
    unit_offer = await ResourceOffer.create(
        provider_kind=ProviderKind.CO_BUILDING_UNIT,
        unit=seeded["unit"],
        title="免费检修电路",
        category=ListCategory.REPAIR,
        place=north,
        place_path=north.path,
        is_published=True,
    )
    await ResourceOffer.create(
        provider_kind=ProviderKind.PARTY_MEMBER,
        party_member=member,
        title="家电维修",
        category=ListCategory.REPAIR,
        place=north,
        place_path=north.path,
    )
    station = await Station.filter(grid__path__startswith=north.path).order_by("id").first()
    service = await ServiceOffer.create(
        title="便民维修",
        category=ListCategory.REPAIR,
        schedule="每周二上午",
        place=north,
        place_path=north.path,
        station=station,
        is_published=True,
    )
    return {
        "need_event": events[0],
        "resource": unit_offer,
        "service": service,
        "published_need": published,
        "claimed_need": claimed,
        "confirmed_need": confirmed,
        "station": station,
        "need_id": to_global_id("Need", published.id),
        "resource_id": to_global_id("ResourceOffer", unit_offer.id),
    }


cadre = partial(connection, role=Role.COMMUNITY_CADRE, place="north")
NORTH = {"id": "north_id"}

NEED = """title state place { name } case { title } poster { name phone } claimant { name }
          events { totalCount nodes { action } } suggestions { kind title reasons }"""
FILTERS = (
    ("by state", "state: PUBLISHED"),
    ("by kind", "kind: MICRO_WISH"),
    ("by category", "category: REPAIR"),
    ("of a place", "placeId: $id"),
)


def _ids(args: str) -> dict[str, str]:
    return NORTH if "$id" in args else {}


NEED_QUERIES = [
    cadre("needs", "needs", NEED),
    *[
        cadre(f"needs {name}", "needs", "title", args=args, ids=_ids(args))
        for name, args in FILTERS
    ],
    connection(
        "needs a resident sees: their own",
        "needs",
        "title claimant { name }",
        role=Role.RESIDENT,
        place="north_building",
        prepare=as_head,
    ),
    connection("public needs", "publicNeeds", "title state grid { name }"),
    *[
        connection(f"public needs {name}", "publicNeeds", "title", args=args, ids=_ids(args))
        for name, args in FILTERS
    ],
    PlanQuery(
        "a need with its history and suggestions",
        f"query($id: ID!) {{ node(id: $id) {{ ... on Need {{ {NEED} }} }} }}",
        variables=lambda s: {"id": s["need_id"]},
        role=Role.GRID_WORKER,
        place="north_grid",
    ),
]

OFFER_QUERIES = [
    connection("resources, published", "resourceOffers", "title place { name } provider { name }"),
    cadre("resources", "resourceOffers", "title isPublished provider { name }"),
    cadre("resources by category", "resourceOffers", "title", args="category: REPAIR"),
    cadre("resources of a place", "resourceOffers", "title", args="placeId: $id", ids=NORTH),
    connection("services, published", "serviceOffers", "title place { name }"),
    cadre("services", "serviceOffers", "title isPublished"),
    cadre("services by category", "serviceOffers", "title", args="category: REPAIR"),
    cadre("services of a place", "serviceOffers", "title", args="placeId: $id", ids=NORTH),
    PlanQuery(
        "matching needs for a resource",
        "query($id: ID!) { resourceMatches(resourceId: $id) { kind title reasons } }",
        variables=lambda s: {"id": s["resource_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "figures of the lists, patrols, visits and volunteering",
        """query($id: ID!) { listFigures(placeId: $id) { month needsPosted needsClaimed
             needsFulfilled needsConfirmed medianDaysToClose volunteerHours visitsDue
             visitsMissed visitCoverage grids gridsPatrolled patrolCoverage place { name } } }""",
        variables=lambda s: {"id": s["north_id"]},
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

LIST_QUERIES = [
    *NEED_QUERIES,
    *OFFER_QUERIES,
    by_global_id(
        "list entries by global id",
        """... on Need { title } ... on NeedEvent { action } ... on PublicNeed { title }
           ... on ResourceOffer { title } ... on ServiceOffer { title }""",
        lambda s: [
            ("Need", s["claimed_need"]),
            ("NeedEvent", s["need_event"]),
            ("PublicNeed", s["published_need"]),
            ("ResourceOffer", s["resource"]),
            ("ServiceOffer", s["service"]),
        ],
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
]

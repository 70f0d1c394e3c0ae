"""Matching (匹配): for a need, ranked resources, services and volunteers; for a resource, the
open needs it could meet. Each suggestion says why it was made.

Ranking, in order: the nearest place in the grid tree (edges between the two places; an offer
serving an ancestor of the need's place is as near as that ancestor), what is available today
before what is not yet, more spare capacity first, then resources before services before
volunteers, then the oldest record. Only the same category (or, for volunteers, a skill of
that category) is ever suggested.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from tortoise.expressions import Q, Subquery

from domain.tree import ids_in_path, subtree_filter
from models.enums import GridLevel, ListCategory, NeedState
from models.grid import GridNode
from models.lists import Need, ResourceOffer, ServiceOffer
from models.org import Volunteer
from models.people import Person

# Words of a volunteer's free-text skills that mean they can help with a category.
CATEGORY_SKILLS: dict[ListCategory, frozenset[str]] = {
    ListCategory.ELDERLY_CARE: frozenset({"助老", "养老", "陪护", "elderly_care"}),
    ListCategory.REPAIR: frozenset({"维修", "水电", "家电维修", "repair"}),
    ListCategory.HAIRCUT: frozenset({"理发", "haircut"}),
    ListCategory.LEGAL: frozenset({"法律", "法律咨询", "legal"}),
    ListCategory.HEALTH: frozenset({"医疗", "健康", "护理", "义诊", "health"}),
    ListCategory.EDUCATION: frozenset({"辅导", "教育", "助学", "education"}),
    ListCategory.EMPLOYMENT: frozenset({"就业", "招聘", "employment"}),
    ListCategory.GOODS: frozenset({"物资", "goods"}),
    ListCategory.CLEANING: frozenset({"清洁", "保洁", "cleaning"}),
    ListCategory.COMPANIONSHIP: frozenset({"陪伴", "聊天", "companionship"}),
    ListCategory.PAPERWORK: frozenset({"代办", "证件", "paperwork"}),
    ListCategory.OTHER: frozenset({"other"}),
}

# A volunteer already holding this many open claims is not suggested again.
MAX_OPEN_CLAIMS = 3


class SuggestionKind(StrEnum):
    RESOURCE = "resource"
    SERVICE = "service"
    VOLUNTEER = "volunteer"
    NEED = "need"


_KIND_ORDER = {
    SuggestionKind.RESOURCE: 0,
    SuggestionKind.SERVICE: 1,
    SuggestionKind.VOLUNTEER: 2,
    SuggestionKind.NEED: 3,
}


@dataclass(frozen=True)
class Suggestion:
    """One ranked candidate and the reasons it was suggested."""

    kind: SuggestionKind
    target_id: int
    title: str
    distance: int
    available_now: bool
    spare_capacity: int
    reasons: tuple[str, ...] = field(default=())

    def sort_key(self) -> tuple[int, int, int, int, int]:
        return (
            self.distance,
            0 if self.available_now else 1,
            -self.spare_capacity,
            _KIND_ORDER[self.kind],
            self.target_id,
        )


def tree_distance(a: str, b: str) -> int:
    """Edges between two places of the tree, from their paths."""
    left, right = ids_in_path(a), ids_in_path(b)
    common = 0
    for x, y in zip(left, right, strict=False):
        if x != y:
            break
        common += 1
    return (len(left) - common) + (len(right) - common)


def serving_distance(need_path: str, offer_path: str) -> tuple[int, str]:
    """How near an offer serving ``offer_path`` is to a need at ``need_path``, and why."""
    if need_path.startswith(offer_path):
        up = tree_distance(need_path, offer_path)
        return up, "serves this very place" if up == 0 else f"serves this place ({up} levels up)"
    distance = tree_distance(need_path, offer_path)
    return distance, f"serves a place {distance} steps away in the grid tree"


async def _neighbourhood(path: str) -> str:
    """The path of the subtree candidates are drawn from: the place's community, or its root."""
    ids = ids_in_path(path)
    nodes = await GridNode.filter(id__in=ids, level=GridLevel.COMMUNITY).only("path")
    return nodes[0].path if nodes else f"/{ids[0]}/"


def _availability(start: date | None, end: date | None, today: date) -> tuple[bool, str]:
    if start is not None and start > today:
        return False, f"available from {start.isoformat()}"
    if end is not None:
        return True, f"available until {end.isoformat()}"
    return True, "available now"


async def suggestions_for_need(
    need: Need, *, limit: int = 10, today: date | None = None
) -> list[Suggestion]:
    """Ranked resources, services and volunteers that could meet ``need``."""
    today = today or date.today()
    around = await _neighbourhood(need.place_path)
    found: list[Suggestion] = []
    category_reason = f"same category ({need.category.value})"
    resources = await ResourceOffer.filter(
        is_published=True, category=need.category, **subtree_filter("place_path", around)
    ).filter(Q(available_until__isnull=True) | Q(available_until__gte=today))
    for offer in resources:
        if offer.capacity <= 0:
            continue
        distance, where = serving_distance(need.place_path, offer.place_path)
        available, when = _availability(offer.available_from, offer.available_until, today)
        found.append(
            Suggestion(
                kind=SuggestionKind.RESOURCE,
                target_id=offer.id,
                title=offer.title,
                distance=distance,
                available_now=available,
                spare_capacity=offer.capacity,
                reasons=(category_reason, where, when, f"capacity {offer.capacity}"),
            )
        )
    services = await ServiceOffer.filter(
        is_published=True, category=need.category, **subtree_filter("place_path", around)
    )
    for service in services:
        distance, where = serving_distance(need.place_path, service.place_path)
        schedule = f"given {service.schedule}" if service.schedule else "given on request"
        found.append(
            Suggestion(
                kind=SuggestionKind.SERVICE,
                target_id=service.id,
                title=service.title,
                distance=distance,
                available_now=True,
                spare_capacity=1,
                reasons=(category_reason, where, schedule),
            )
        )
    found.extend(await _volunteers_for(need, around))
    found.sort(key=Suggestion.sort_key)
    return found[:limit]


async def _volunteers_for(need: Need, around: str) -> list[Suggestion]:
    words = CATEGORY_SKILLS[need.category]
    # The persons first (place path, then their place index), the volunteers by person: a
    # filter across both joins makes SQLite read every volunteer.
    residents = Person.filter(**subtree_filter("place__path", around)).values("id")
    volunteers = await Volunteer.filter(person_id__in=Subquery(residents)).select_related(
        "person__place"
    )
    skilled = [(v, sorted(set(v.skills or []) & words)) for v in volunteers]
    skilled = [(v, s) for v, s in skilled if s]
    if not skilled:
        return []
    open_claims: Counter[int] = Counter(
        await Need.filter(
            state=NeedState.CLAIMED, claimant_volunteer_id__in=[v.id for v, _ in skilled]
        ).values_list("claimant_volunteer_id", flat=True)  # type: ignore[arg-type]
    )
    found = []
    for volunteer, skills in skilled:
        load = open_claims.get(volunteer.id, 0)
        if load >= MAX_OPEN_CLAIMS:
            continue
        place_path = volunteer.person.place.path
        distance = tree_distance(need.place_path, place_path)
        where = "lives in this very place" if distance == 0 else f"lives {distance} steps away"
        reasons = [f"skill {'、'.join(skills)}", where, f"{load} open claim(s)"]
        if volunteer.availability:
            reasons.append(f"available {volunteer.availability}")
        found.append(
            Suggestion(
                kind=SuggestionKind.VOLUNTEER,
                target_id=volunteer.id,
                title=volunteer.person.name,
                distance=distance,
                available_now=True,
                spare_capacity=MAX_OPEN_CLAIMS - load,
                reasons=tuple(reasons),
            )
        )
    return found


async def needs_for_resource(
    offer: ResourceOffer, *, limit: int = 20, today: date | None = None
) -> list[Suggestion]:
    """The published needs of the offer's category in the places it serves, nearest first."""
    today = today or date.today()
    if offer.available_until is not None and offer.available_until < today:
        return []
    needs = await Need.filter(
        state=NeedState.PUBLISHED,
        category=offer.category,
        **subtree_filter("place_path", offer.place_path),
    )
    found = [
        Suggestion(
            kind=SuggestionKind.NEED,
            target_id=need.id,
            title=need.title,
            distance=tree_distance(need.place_path, offer.place_path),
            available_now=True,
            spare_capacity=0,
            reasons=(
                f"same category ({need.category.value})",
                serving_distance(need.place_path, offer.place_path)[1],
                f"waiting since {need.created_at.date().isoformat()}",
            ),
        )
        for need in needs
    ]
    found.sort(key=Suggestion.sort_key)
    return found[:limit]

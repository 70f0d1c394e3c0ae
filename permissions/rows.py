"""Which rows of each people-area table a viewer may see: one declaration per model, applied
through ``restrict()``. Lists, ``node(id:)`` and nested edges all start from ``visible()``.

Organisations that are posted on public boards in every community (party branches, volunteer
teams, co-building units) are public; so are the current posts of workers (a grid worker's
name and phone are on the 网格公示牌). Persons, households, party members and volunteers are
seen by the workers and cadres of their place, and by the people themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from tortoise.expressions import Q, Subquery
from tortoise.models import Model
from tortoise.queryset import QuerySet

from models.org import (
    CoBuildingUnit,
    PartyBranch,
    PartyMember,
    Volunteer,
    VolunteerTeam,
    WorkerAssignment,
)
from models.people import Household, Person
from permissions.enums import Resource
from permissions.scope import restrict
from permissions.viewer import Viewer

M = TypeVar("M", bound=Model)


def _own_household_ids(person_id: int) -> Subquery:
    return Subquery(Person.filter(id=person_id, household_id__isnull=False).values("household_id"))


def _own_person(viewer: Viewer) -> Q | None:
    """The viewer's own record and those of their household's members."""
    pid = viewer.person_id
    if pid is None:
        return None
    return Q(id=pid) | Q(household_id__in=_own_household_ids(pid))


def _own_household(viewer: Viewer) -> Q | None:
    pid = viewer.person_id
    return None if pid is None else Q(id__in=_own_household_ids(pid))


def _own_record(viewer: Viewer) -> Q | None:
    """Rows about the viewer's own person (their party membership, their volunteering)."""
    return None if viewer.person_id is None else Q(person_id=viewer.person_id)


@dataclass(frozen=True)
class RowScope:
    """How a table is scoped: the resource Casbin is asked about, the path of the row's place,
    which rows are the viewer's own, and which are public to everyone."""

    resource: Resource
    place_path: str | None = None
    own: Callable[[Viewer], Q | None] | None = None
    public: Q | None = None
    everyone: bool = False


ROW_SCOPES: dict[type[Model], RowScope] = {
    Person: RowScope(Resource.PERSON, "place__path", own=_own_person),
    Household: RowScope(Resource.HOUSEHOLD, "building__path", own=_own_household),
    PartyMember: RowScope(Resource.PARTY_MEMBER, "person__place__path", own=_own_record),
    Volunteer: RowScope(Resource.VOLUNTEER, "person__place__path", own=_own_record),
    WorkerAssignment: RowScope(
        Resource.WORKER_ASSIGNMENT, "place__path", public=Q(ended_on__isnull=True)
    ),
    PartyBranch: RowScope(Resource.PARTY_BRANCH, everyone=True),
    VolunteerTeam: RowScope(Resource.VOLUNTEER_TEAM, everyone=True),
    CoBuildingUnit: RowScope(Resource.CO_BUILDING_UNIT, everyone=True),
}


def visible(model: type[M], viewer: Viewer) -> QuerySet[M]:
    """Every row of ``model`` the viewer may see (a query, not yet run)."""
    scope = ROW_SCOPES[model]
    if scope.everyone:
        return model.all()
    own: Any = scope.own(viewer) if scope.own else None
    return restrict(
        model.all(),
        viewer,
        scope.resource,
        place_path=scope.place_path,
        own=own,
        public=scope.public,
    )

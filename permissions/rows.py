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

from models.grid import GridNode
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
from permissions.scope import PlacePath, among, restrict
from permissions.viewer import Viewer

M = TypeVar("M", bound=Model)


def _own_household_id(person_id: int) -> Subquery:
    """The viewer's household id (or NULL), compared with ``=``: as one value, not a set
    (``IN``), it lets PostgreSQL use an index on either side of an ``OR``."""
    return Subquery(Person.filter(id=person_id).values("household_id"))


def _own_person(viewer: Viewer) -> Q | None:
    """The viewer's own record and those of their household's members."""
    pid = viewer.person_id
    if pid is None:
        return None
    return Q(id=pid) | Q(household_id=_own_household_id(pid))


def _own_household(viewer: Viewer) -> Q | None:
    pid = viewer.person_id
    return None if pid is None else Q(id=_own_household_id(pid))


def _own_record(viewer: Viewer) -> Q | None:
    """Rows about the viewer's own person (their party membership, their volunteering)."""
    return None if viewer.person_id is None else Q(person_id=viewer.person_id)


def lives_in(low: str, high: str) -> Q:
    """Rows about a person living in the subtree: the persons are found first (the place path,
    then ``person(place_id)``), the rows by ``person_id``. Filtering across the two joins
    instead makes SQLite read the whole table, whose join it may not reorder."""
    return among(
        "person_id", Person.filter(place__path__gte=low, place__path__lt=high).values("id")
    )


def _placed_in(fk: str) -> PlacePath:
    """Rows whose place (the grid node ``fk``) is in the subtree, as a condition on that
    column of their own: ``OR``ed with the viewer's own rows or the public ones, every side
    of the ``OR`` still uses an index of the row's table."""

    def condition(low: str, high: str) -> Q:
        return among(fk, GridNode.filter(path__gte=low, path__lt=high).values("id"))

    return condition


@dataclass(frozen=True)
class RowScope:
    """How a table is scoped: the resource Casbin is asked about, the path of the row's place,
    which rows are the viewer's own, and which are public to everyone."""

    resource: Resource
    place_path: PlacePath | None = None
    own: Callable[[Viewer], Q | None] | None = None
    public: Q | None = None
    everyone: bool = False


ROW_SCOPES: dict[type[Model], RowScope] = {
    Person: RowScope(Resource.PERSON, _placed_in("place_id"), own=_own_person),
    Household: RowScope(Resource.HOUSEHOLD, _placed_in("building_id"), own=_own_household),
    PartyMember: RowScope(Resource.PARTY_MEMBER, lives_in, own=_own_record),
    Volunteer: RowScope(Resource.VOLUNTEER, lives_in, own=_own_record),
    WorkerAssignment: RowScope(
        Resource.WORKER_ASSIGNMENT, _placed_in("place_id"), public=Q(ended_on__isnull=True)
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

"""Which rows of each people-area table a viewer may see (registered in ``registry``).

Organisations that are posted on public boards in every community (party branches, volunteer
teams, co-building units) are public; so are the current posts of workers (a grid worker's
name and phone are on the 网格公示牌). Persons, households, party members and volunteers are
seen by the workers and cadres of their place, and by the people themselves.
"""

from __future__ import annotations

from collections.abc import Callable

from tortoise.expressions import Q, Subquery

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
from permissions.rows.registry import public_rows, rule
from permissions.scope import PlacePath, among, scope_clauses
from permissions.viewer import Viewer


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


def _placed(
    resource: Resource,
    place_path: PlacePath,
    own: Callable[[Viewer], Q | None] | None = None,
    public: Q | None = None,
) -> Callable[[Viewer], list[Q] | None]:
    def rule_of(viewer: Viewer) -> list[Q] | None:
        mine = own(viewer) if own is not None else None
        return scope_clauses(viewer, resource, place_path=place_path, own=mine, public=public)

    return rule_of


rule(Person)(_placed(Resource.PERSON, _placed_in("place_id"), own=_own_person))
rule(Household)(_placed(Resource.HOUSEHOLD, _placed_in("building_id"), own=_own_household))
rule(PartyMember)(_placed(Resource.PARTY_MEMBER, lives_in, own=_own_record))
rule(Volunteer)(_placed(Resource.VOLUNTEER, lives_in, own=_own_record))
rule(WorkerAssignment)(
    _placed(Resource.WORKER_ASSIGNMENT, _placed_in("place_id"), public=Q(ended_on__isnull=True))
)
for _public in (PartyBranch, VolunteerTeam, CoBuildingUnit):
    public_rows(_public)

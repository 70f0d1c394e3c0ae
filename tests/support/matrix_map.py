"""Matrix rows of the map: `placeAt` and the board's map are public, the cases map shows what
the cases list shows, and only admins import boundaries."""

from __future__ import annotations

from domain.boundaries.importing import import_boundaries
from models.cases import Case
from models.enums import CaseState
from models.grid import PlaceBoundary
from tests.support.geojson import collection, feature, rectangle
from tests.support.matrix import (
    ADMIN,
    EVERYONE,
    OTHER,
    SAME,
    Attempt,
    ReadRow,
    Target,
    World,
    WriteRow,
    gid,
    only,
)
from tests.support.matrix_case_reads import CASE_READERS
from tests.support.matrix_cases import make_case
from tests.support.matrix_grid import _grid_key

POINT = (32.05, 118.72)  # latitude, longitude (GCJ-02)
AROUND_POINT = (118.71, 32.04, 118.73, 32.06)


async def _place(world: World, actor: str, relation: str) -> Target | None:
    """The cell's place is the only one on the map, around POINT."""
    key = _grid_key(world, actor, relation)
    if key is None:
        return None
    node = world.grid(key)
    await PlaceBoundary.all().delete()
    text = collection(feature(rectangle(AROUND_POINT), placeId=gid("Grid", node.id)))
    await import_boundaries(text=text, actor_id=None)
    return Target(gid("Grid", node.id))


async def _located(world: World, actor: str, relation: str, state: CaseState) -> Case | None:
    case = await make_case(world, actor, relation, state)
    if case is not None:
        await Case.filter(id=case.id).update(latitude=POINT[0], longitude=POINT[1])
    return case


async def _mapped_case(world: World, actor: str, relation: str) -> Target | None:
    case = await _located(world, actor, relation, CaseState.SUBMITTED)
    if case is None:
        return None
    return Target(gid("Case", case.id), parent=gid("Grid", world.grid("street").id))


async def _mapped_public_case(world: World, actor: str, relation: str) -> Target | None:
    case = await _located(world, actor, relation, CaseState.REPLIED)
    return None if case is None else Target(gid("PublicCase", case.id))


READS = [
    ReadRow(
        name="placeAt",
        target=_place,
        list=f"{{ placeAt(latitude: {POINT[0]}, longitude: {POINT[1]}) {{ id }} }}",
        nested=None,
        sees=EVERYONE,
    ),
    ReadRow(
        name="casesGeoJson",
        target=_mapped_case,
        list="query($parent: ID!) { casesGeoJson(subtreeOf: $parent) }",
        nested=None,
        sees=CASE_READERS,
    ),
    ReadRow(
        name="publicCasesGeoJson",
        target=_mapped_public_case,
        list="{ publicCasesGeoJson }",
        nested=None,
        sees=EVERYONE,
    ),
]

# disjoint, so the two communities (siblings) an admin imports never overlap
BOXES = {SAME: (118.70, 32.00, 118.75, 32.05), OTHER: (118.80, 32.00, 118.85, 32.05)}


async def _boundaries() -> object:
    return await PlaceBoundary.all().order_by("place_id").values_list("place_id", "geometry")


async def _import(world: World, actor: str, relation: str) -> Attempt | None:
    if relation not in BOXES:
        return None  # a boundary belongs to a place, never to a person
    node = world.grid("south" if relation == OTHER else "north")  # the actor's community, or not
    text = collection(feature(rectangle(BOXES[relation]), placeId=gid("Grid", node.id)))
    return Attempt({"input": {"geoJson": text}}, _boundaries)


WRITES = [
    WriteRow(
        name="importBoundaries",
        success="BoundariesImported",
        prepare=_import,
        allowed={ADMIN: only(SAME, OTHER)},
    ),
]

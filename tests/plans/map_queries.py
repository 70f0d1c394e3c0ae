"""Query plans of the map: the place at a point, and the cases of a subtree as GeoJSON."""

from __future__ import annotations

from domain.boundaries.importing import import_boundaries
from models.cases import Case
from models.grid import GridNode
from permissions.enums import Role
from tests.plans.plan import PlanQuery, Seeded, variables_of
from tests.support.geojson import GRID_ONE, NORTH, collection, feature, rectangle


async def seed_map(seeded: Seeded) -> Seeded:
    """The north community and its first grid on the map; the seeded cases located in it."""
    north, grid = seeded["north"], seeded["north_grid"]
    assert isinstance(north, GridNode) and isinstance(grid, GridNode)
    await import_boundaries(
        text=collection(
            feature(rectangle(NORTH), placeId=str(north.id)),
            feature(rectangle(GRID_ONE), placeId=str(grid.id)),
        ),
        actor_id=None,
    )
    await Case.filter(place_id=grid.id).update(latitude=32.05, longitude=118.72)
    return {}


EVERY_BOUNDARY = (
    "the map index is built from every boundary, once per import in each process (one row per "
    "place, a few thousand in a district); placeAt then asks only the index"
)

MAP_QUERIES = [
    PlanQuery(
        "the place at a point",
        "{ placeAt(latitude: 32.05, longitude: 118.72) { name } }",
        allowed_scans={"place_boundary": EVERY_BOUNDARY},
    ),
    PlanQuery(
        "cases of a subtree as GeoJSON",
        "query($id: ID!) { casesGeoJson(subtreeOf: $id) }",
        variables=variables_of(id="north_id"),
        role=Role.COMMUNITY_CADRE,
        place="north",
    ),
    PlanQuery(
        "the public board as GeoJSON",
        "query($id: ID!) { publicCasesGeoJson(subtreeOf: $id) }",
        variables=variables_of(id="north_id"),
    ),
]

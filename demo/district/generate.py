"""Writing a district into an empty database, fast: rows get their ids here (so no row has to
be read back), go in with bulk inserts of ``BATCH`` rows, one transaction per batch, and the
PostgreSQL sequences are moved past them at the end."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from tortoise import Tortoise
from tortoise.models import Model
from tortoise.transactions import in_transaction

from demo.community import demo_phone, generated_name
from demo.district.case_rows import Grid
from demo.district.cases import CASE_TABLES, generate_cases
from demo.district.rows import Progress
from demo.district.shape import (
    COMMUNITIES_PER_STREET,
    GRID_WORKERS,
    HOUSEHOLDS_PER_BUILDING,
    DistrictShape,
)
from domain.sql import is_postgres
from models.enums import Gender, GridChangeKind, GridLevel, HouseholdRelation, KeyGroup, WorkerPost
from models.grid import GridChange, GridNode
from models.org import PartyBranch, PartyBranchGrid, PartyMember, WorkerAssignment
from models.people import Household, Person, PersonTag

BATCH = 5_000


class DistrictExists(RuntimeError):
    """The database already holds places: a district goes only into an empty one."""


class _Ids:
    """The next id of each table, counted here instead of read back."""

    def __init__(self) -> None:
        self._next: dict[type[Model], int] = {}

    def take(self, model: type[Model]) -> int:
        value = self._next.get(model, 1)
        self._next[model] = value + 1
        return value


async def _insert(model: type[Model], rows: Sequence[Model], progress: Progress | None) -> None:
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        async with in_transaction():
            await model.bulk_create(list(chunk))
        if progress is not None:
            progress(model.__name__, len(chunk))


def _node(ids: _Ids, name: str, level: GridLevel, parent: GridNode | None) -> GridNode:
    pk = ids.take(GridNode)
    return GridNode(
        id=pk,
        name=name,
        level=level,
        parent_id=parent.id if parent else None,
        path=f"{parent.path if parent else '/'}{pk}/",
        depth=parent.depth + 1 if parent else 0,
    )


def _tree(ids: _Ids, shape: DistrictShape) -> tuple[list[GridNode], list[GridNode], list[GridNode]]:
    """Every node, the grids, and the buildings (each building's households follow it)."""
    nodes: list[GridNode] = []
    grids: list[GridNode] = []
    buildings: list[GridNode] = []
    community_no = 0
    for street_no, communities in enumerate(COMMUNITIES_PER_STREET, start=1):
        street = _node(ids, f"江北第{street_no}街道", GridLevel.STREET, None)
        nodes.append(street)
        for _ in range(communities):
            community = _node(ids, f"第{community_no + 1}社区", GridLevel.COMMUNITY, street)
            nodes.append(community)
            for grid_no in range(shape.grids_of(community_no)):
                grid = _node(ids, f"第{grid_no + 1}网格", GridLevel.GRID, community)
                nodes.append(grid)
                grids.append(grid)
                households = shape.households_of(len(grids) - 1)
                for b in range(-(-households // HOUSEHOLDS_PER_BUILDING)):
                    building = _node(ids, f"{b + 1}栋", GridLevel.BUILDING, grid)
                    building.households_count = min(
                        HOUSEHOLDS_PER_BUILDING, households - b * HOUSEHOLDS_PER_BUILDING
                    )
                    nodes.append(building)
                    buildings.append(building)
            community_no += 1
    return nodes, grids, buildings


def _people(
    ids: _Ids, buildings: list[GridNode], rng: random.Random
) -> tuple[list[Household], list[Person], list[PersonTag]]:
    households: list[Household] = []
    persons: list[Person] = []
    tags: list[PersonTag] = []
    key_groups = list(KeyGroup)
    for building in buildings:
        for slot in range(building.households_count):
            floor, door = divmod(slot, 4)
            household = Household(
                id=ids.take(Household), building_id=building.id, door=f"{floor + 1}-{door + 1:02d}"
            )
            households.append(household)
            for member in range(2 + (rng.random() < 0.6)):
                pk = ids.take(Person)
                persons.append(
                    Person(
                        id=pk,
                        name=generated_name(pk),
                        phone=demo_phone(pk),
                        gender=Gender.FEMALE if rng.random() < 0.5 else Gender.MALE,
                        birth_year=rng.randint(1935, 2024),
                        household_id=household.id,
                        relation=HouseholdRelation.HEAD if member == 0 else HouseholdRelation.CHILD,
                        place_id=building.id,
                    )
                )
                if rng.random() < 0.08:
                    tags.append(
                        PersonTag(id=ids.take(PersonTag), person_id=pk, tag=rng.choice(key_groups))
                    )
    return households, persons, tags


def _organisation(
    ids: _Ids,
    shape: DistrictShape,
    grids: list[GridNode],
    grid_of: dict[int, int],
    persons: list[Person],
    rng: random.Random,
) -> tuple[list[PartyBranch], list[PartyBranchGrid], list[PartyMember], list[WorkerAssignment]]:
    """A branch per grid, party members in the branch of their grid, a grid worker per grid
    and micro-grid workers in buildings (``grid_of``: building id → grid id)."""
    branches = [
        PartyBranch(id=ids.take(PartyBranch), name=f"{g.path}网格党支部", place_id=g.id)
        for g in grids
    ]
    links = [
        PartyBranchGrid(id=ids.take(PartyBranchGrid), branch_id=b.id, grid_id=b.place_id)
        for b in branches
    ]
    branch_of_grid = {b.place_id: b.id for b in branches}
    chosen = rng.sample(persons, min(len(persons), shape.party_members + GRID_WORKERS))
    members = []
    for person in chosen[: shape.party_members]:
        dual = rng.random() < 0.3
        members.append(
            PartyMember(
                id=ids.take(PartyMember),
                person_id=person.id,
                branch_id=branch_of_grid[grid_of[person.place_id]],
                joined_on=date(1970, 1, 1) + timedelta(days=rng.randint(0, 19_000)),
                dual_registered=dual,
                workplace_organisation="区直机关党委" if dual else "",
            )
        )
    workers = chosen[shape.party_members :]
    posts = [
        WorkerAssignment(
            id=ids.take(WorkerAssignment),
            person_id=person.id,
            place_id=grid.id,
            post=WorkerPost.GRID_WORKER,
            started_on=date(2024, 1, 1),
        )
        for grid, person in zip(grids, workers, strict=False)
    ] + [
        WorkerAssignment(
            id=ids.take(WorkerAssignment),
            person_id=person.id,
            place_id=person.place_id,
            post=WorkerPost.MICRO_GRID_WORKER,
            started_on=date(2024, 1, 1),
        )
        for person in workers[len(grids) :]
    ]
    return branches, links, members, posts


async def generate_district(
    residents: int, *, cases: int = 0, seed: int = 2026, progress: Progress | None = None
) -> dict[str, int]:
    """Write a district of about ``residents`` people and ``cases`` cases over three years;
    returns the rows written per table."""
    if await GridNode.exists():
        raise DistrictExists(
            "The database already has places; generate a district into an empty one"
        )
    rng = random.Random(seed)
    ids = _Ids()
    shape = DistrictShape(residents)
    nodes, grids, buildings = _tree(ids, shape)
    grid_of = {b.id: b.parent_id for b in buildings if b.parent_id is not None}
    households, persons, tags = _people(ids, buildings, rng)
    branches, links, members, posts = _organisation(ids, shape, grids, grid_of, persons, rng)
    history = [
        GridChange(
            id=ids.take(GridChange),
            node_id=n.id,
            kind=GridChangeKind.CREATED,
            after={"name": n.name},
        )
        for n in nodes
    ]
    tables: list[tuple[type[Model], Sequence[Model]]] = [
        (GridNode, nodes),
        (GridChange, history),
        (Household, households),
        (Person, persons),
        (PersonTag, tags),
        (PartyBranch, branches),
        (PartyBranchGrid, links),
        (PartyMember, members),
        (WorkerAssignment, posts),
    ]
    for model, rows in tables:
        await _insert(model, rows, progress)
    written = {model.__name__: len(rows) for model, rows in tables}
    if cases:
        written.update(
            await generate_cases(cases, _case_grids(grids, grid_of, persons), progress=progress)
        )
    if is_postgres():
        await _advance_sequences([model for model, _ in tables] + list(CASE_TABLES))
    return written


def _case_grids(
    grids: list[GridNode], grid_of: dict[int, int], persons: list[Person]
) -> list[Grid]:
    """The grids with the id range of their residents (written grid by grid, so contiguous)."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for person in persons:
        grid = grid_of[person.place_id]
        first.setdefault(grid, person.id)
        last[grid] = person.id
    return [Grid(g.id, g.path, first[g.id], last[g.id]) for g in grids if g.id in first]


async def _advance_sequences(models: list[type[Model]]) -> None:
    conn: Any = Tortoise.get_connection("default")
    for model in models:
        table = model._meta.db_table
        await conn.execute_script(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT MAX(id) FROM \"{table}\"))"
        )

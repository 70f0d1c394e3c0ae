"""Generated households for a bigger demo (``minqing demo --households N``): buildings of 60
households spread over every grid, two or three members each, about one in ten in a key
group. Written in batches with bulk inserts, one transaction per batch."""

from __future__ import annotations

from collections.abc import Callable

from tortoise.transactions import in_transaction

from demo.community import demo_phone, generated_name
from domain.grid import create_grid_node
from models.enums import Gender, GridLevel, HouseholdRelation, KeyGroup
from models.grid import GridNode
from models.people import Household, Person, PersonTag

HOUSEHOLDS_PER_BUILDING = 60
BATCH = 500
PHONE_OFFSET = 10_000_000  # generated phones never collide with the named people's
KEY_GROUPS = list(KeyGroup)

Progress = Callable[[int], None]


async def _new_building(grids: list[GridNode], number: int) -> GridNode:
    grid = grids[number % len(grids)]
    return await create_grid_node(name=f"{100 + number}栋", level=GridLevel.BUILDING, parent=grid)


async def generate_households(count: int, on_progress: Progress | None = None) -> int:
    """Add ``count`` households with their members; returns the number of persons added."""
    grids = await GridNode.filter(level=GridLevel.GRID, is_active=True).order_by("id")
    if not grids:
        raise RuntimeError("Load the demo tree first")
    start = await Household.all().count()
    persons_added = 0
    done = 0
    building: GridNode | None = None
    while done < count:
        batch = min(BATCH, count - done)
        async with in_transaction():
            households: list[Household] = []
            for i in range(start + done, start + done + batch):
                slot = i % HOUSEHOLDS_PER_BUILDING
                if building is None or slot == 0:
                    building = await _new_building(grids, i // HOUSEHOLDS_PER_BUILDING)
                floor, door = divmod(slot, 4)
                households.append(
                    Household(building_id=building.id, door=f"{floor + 1}-{door + 1:02d}")
                )
            await Household.bulk_create(households)
            created = await Household.filter(id__gt=0).order_by("-id").limit(batch)
            persons: list[Person] = []
            for household in reversed(created):
                size = 2 + household.id % 2
                for member in range(size):
                    n = household.id * 3 + member
                    persons.append(
                        Person(
                            name=generated_name(n),
                            phone=demo_phone(PHONE_OFFSET + n),
                            gender=Gender.FEMALE if n % 2 else Gender.MALE,
                            birth_year=1940 + n % 70,
                            household_id=household.id,
                            relation=HouseholdRelation.HEAD
                            if member == 0
                            else HouseholdRelation.CHILD,
                            place_id=household.building_id,
                        )
                    )
            await Person.bulk_create(persons)
            new_people = await Person.filter(id__gt=0).order_by("-id").limit(len(persons))
            tags = [
                PersonTag(person_id=p.id, tag=KEY_GROUPS[p.id % len(KEY_GROUPS)])
                for p in new_people
                if p.id % 10 == 0
            ]
            await PersonTag.bulk_create(tags)
        persons_added += len(persons)
        done += batch
        if on_progress is not None:
            on_progress(batch)
    return persons_added

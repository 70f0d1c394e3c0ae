"""Verbs on the people: households in buildings, persons with their key-group tags.

Each verb is one transaction and leaves an audit row (who, before, after): personal records
are read by many and changed by few, so every change is traceable.
"""

from __future__ import annotations

from typing import Any

from tortoise.transactions import in_transaction

from domain.audit import audit
from domain.error_codes import InputErrorCode, PeopleErrorCode
from domain.errors import ConflictError, ValidationFailedError
from domain.validation import clean_birth_year, clean_name, clean_phone
from models.enums import Gender, GridLevel, HouseholdRelation, KeyGroup
from models.grid import GridNode
from models.people import Household, Person, PersonTag
from permissions.viewer import Viewer

# Households live in buildings; where a community has not mapped its buildings yet, the
# smallest node it has (a micro-grid or grid) stands in.
HOUSEHOLD_LEVELS = (GridLevel.BUILDING, GridLevel.MICRO_GRID, GridLevel.GRID)
UNSET: Any = object()


def _person_snapshot(person: Person, tags: list[KeyGroup]) -> dict[str, Any]:
    return {
        "name": person.name,
        "phone": person.phone,
        "gender": person.gender.value,
        "birth_year": person.birth_year,
        "household_id": person.household_id,
        "relation": person.relation.value if person.relation else None,
        "place_id": person.place_id,
        "tags": sorted(t.value for t in tags),
    }


async def create_household(
    *, building: GridNode, door: str, address: str = "", actor: Viewer | None = None
) -> Household:
    """A household at ``door`` of ``building``; the door is unique within the building."""
    if building.level not in HOUSEHOLD_LEVELS:
        raise ValidationFailedError.one(
            "buildingId",
            f"Households live in a building, micro-grid or grid, not a {building.level.value}",
            InputErrorCode.LEVEL_NOT_ALLOWED,
        )
    door = clean_name(door, field="door", max_length=50)
    address = " ".join(address.split())
    async with in_transaction():
        if await Household.filter(building_id=building.id, door=door).exists():
            raise ConflictError(f"Door {door} of {building.name} already has a household")
        household = await Household.create(building_id=building.id, door=door, address=address)
        await audit(
            actor,
            "household.create",
            f"Household:{household.id}",
            after={"building_id": building.id, "door": door, "address": address},
        )
    return household


async def create_person(
    *,
    name: str,
    place: GridNode,
    phone: str = "",
    gender: Gender = Gender.UNKNOWN,
    birth_year: int | None = None,
    household: Household | None = None,
    relation: HouseholdRelation | None = None,
    tags: list[KeyGroup] | None = None,
    actor: Viewer | None = None,
) -> Person:
    """A person living at ``place`` (their household's building when they have one)."""
    fields: dict[str, Any] = {
        "name": clean_name(name, field="name", max_length=50),
        "phone": clean_phone(phone),
        "gender": gender,
        "birth_year": clean_birth_year(birth_year),
    }
    _check_relation(household, relation)
    if household is not None and household.building_id != place.id:
        raise ValidationFailedError.one(
            "placeId",
            "A household member lives in the household's building",
            PeopleErrorCode.PLACE_MISMATCH,
        )
    wanted = sorted(set(tags or ()))
    async with in_transaction():
        person = await Person.create(
            **fields,
            household_id=household.id if household else None,
            relation=relation,
            place_id=place.id,
        )
        await PersonTag.bulk_create([PersonTag(person_id=person.id, tag=t) for t in wanted])
        await audit(
            actor, "person.create", f"Person:{person.id}", after=_person_snapshot(person, wanted)
        )
    return person


def _check_relation(household: Household | None, relation: HouseholdRelation | None) -> None:
    if household is None and relation is not None:
        raise ValidationFailedError.one(
            "relation", "A relation needs a household", PeopleErrorCode.RELATION_WITHOUT_HOUSEHOLD
        )
    if household is not None and relation is None:
        raise ValidationFailedError.one(
            "relation", "Say how the member relates to the household head", InputErrorCode.REQUIRED
        )


async def update_person(
    *,
    person: Person,
    name: str | None = None,
    phone: str | None = None,
    gender: Gender | None = None,
    birth_year: Any = UNSET,
    household: Any = UNSET,
    relation: Any = UNSET,
    actor: Viewer | None = None,
) -> Person:
    """Change the given fields; ``household=None`` moves the person out of their household."""
    tags = await _tags_of(person)
    before = _person_snapshot(person, tags)
    if name is not None:
        person.name = clean_name(name, field="name", max_length=50)
    if phone is not None:
        person.phone = clean_phone(phone)
    if gender is not None:
        person.gender = gender
    if birth_year is not UNSET:
        person.birth_year = clean_birth_year(birth_year)
    if household is not UNSET:
        person.household_id = household.id if household else None
        if household is not None:
            person.place_id = household.building_id
    if relation is not UNSET:
        person.relation = relation
    if person.household_id is None:
        person.relation = None  # type: ignore[assignment]  # nullable column
    elif person.relation is None:
        raise ValidationFailedError.one(
            "relation", "Say how the member relates to the household head", InputErrorCode.REQUIRED
        )
    async with in_transaction():
        await person.save()
        await audit(
            actor,
            "person.update",
            f"Person:{person.id}",
            before=before,
            after=_person_snapshot(person, tags),
        )
    return person


async def _tags_of(person: Person) -> list[KeyGroup]:
    tags: list[KeyGroup] = await PersonTag.filter(person_id=person.id).values_list("tag", flat=True)  # type: ignore[assignment]
    return sorted(tags)


async def set_person_tags(
    *, person: Person, tags: list[KeyGroup], actor: Viewer | None = None
) -> list[KeyGroup]:
    """Replace the person's key-group tags (六访 groups) with ``tags``."""
    wanted = sorted(set(tags))
    async with in_transaction():
        current = await _tags_of(person)
        await PersonTag.filter(
            person_id=person.id, tag__in=[t for t in current if t not in wanted]
        ).delete()
        await PersonTag.bulk_create(
            [PersonTag(person_id=person.id, tag=t) for t in wanted if t not in current]
        )
        await audit(
            actor,
            "person.tags",
            f"Person:{person.id}",
            before={"tags": [t.value for t in current]},
            after={"tags": [t.value for t in wanted]},
        )
    return wanted

"""The district generator: the shape of Jiangbei at a small scale, only into an empty database."""

from __future__ import annotations

import pytest

from demo.community import load_demo
from demo.district.generate import DistrictExists, generate_district
from models.enums import GridLevel, WorkerPost
from models.grid import GridNode
from models.org import PartyBranch, PartyMember, WorkerAssignment
from models.people import Household, Person


async def test_a_small_district_has_338_grids_with_a_branch_and_a_worker_each(db: str) -> None:
    written = await generate_district(3_000)
    assert await GridNode.filter(level=GridLevel.GRID).count() == 338
    assert await GridNode.filter(level=GridLevel.STREET).count() == 8
    assert await PartyBranch.all().count() == 338
    assert await WorkerAssignment.filter(post=WorkerPost.GRID_WORKER).count() == 338
    assert await WorkerAssignment.all().count() == 930
    persons = await Person.all().count()
    assert persons == written["Person"]
    assert 2_600 <= persons <= 3_400
    assert await PartyMember.all().count() == round(3_000 * 15_989 / 700_000)
    # every member belongs to the branch of the grid they live in
    member = await PartyMember.first().prefetch_related("person__place", "branch")
    assert member is not None
    assert member.branch.place_id == member.person.place.parent_id
    # the generated ids leave the sequences usable: a new household gets the next id
    building = await GridNode.filter(level=GridLevel.BUILDING).first()
    assert building is not None
    fresh = await Household.create(building=building, door="new-1")
    assert fresh.id == written["Household"] + 1


async def test_a_district_goes_only_into_an_empty_database(db: str) -> None:
    await load_demo()
    with pytest.raises(DistrictExists):
        await generate_district(1_000)

"""The shape of a generated district, modelled on Jiangbei (700,000 people, 338 grid party
branches, 930 grid workers, 15,989 party members), scaled by the number of residents."""

from __future__ import annotations

import math
from dataclasses import dataclass

STREETS = 8
COMMUNITIES_PER_STREET = (5, 5, 4, 5, 4, 5, 4, 4)  # 36 communities
GRIDS = 338
HOUSEHOLDS_PER_BUILDING = 60
PERSONS_PER_HOUSEHOLD = 2.6
PARTY_MEMBER_SHARE = 15_989 / 700_000
GRID_WORKERS = 930


@dataclass(frozen=True)
class DistrictShape:
    residents: int

    @property
    def households(self) -> int:
        return max(GRIDS, math.ceil(self.residents / PERSONS_PER_HOUSEHOLD))

    @property
    def party_members(self) -> int:
        return round(self.residents * PARTY_MEMBER_SHARE)

    def grids_of(self, community: int) -> int:
        """How many of the 338 grids community number ``community`` (0-based) holds."""
        communities = sum(COMMUNITIES_PER_STREET)
        base, extra = divmod(GRIDS, communities)
        return base + (1 if community < extra else 0)

    def households_of(self, grid: int) -> int:
        base, extra = divmod(self.households, GRIDS)
        return base + (1 if grid < extra else 0)

"""Enumerations of the grid tree, its history and its stations."""

from enum import StrEnum


class GridLevel(StrEnum):
    """A level of the grid tree, from the street down to one building."""

    STREET = "street"
    COMMUNITY = "community"
    AREA = "area"
    GRID = "grid"
    MICRO_GRID = "micro_grid"
    BUILDING = "building"


class GridChangeKind(StrEnum):
    """What a row of grid history records."""

    CREATED = "created"
    RENAMED = "renamed"
    MOVED = "moved"
    MERGED = "merged"


class StationKind(StrEnum):
    """The kinds of 驿站 a grid runs."""

    DELIBERATION = "deliberation"  # 红色议事驿站
    PARTY_SERVICE = "party_service"  # 党群服务站
    LIVELIHOOD = "livelihood"  # 民生驿站
    OTHER = "other"

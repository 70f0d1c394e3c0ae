"""Enumerations stored in the database; their values are the stored strings."""

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


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class KeyGroup(StrEnum):
    """The six key groups (六访) whose households are visited every month."""

    HARDSHIP = "hardship"
    ELDERLY_ALONE = "elderly_alone"
    DISABILITY = "disability"
    FLOATING = "floating"
    UNEMPLOYED = "unemployed"
    OTHER_KEY = "other_key"


class HouseholdRelation(StrEnum):
    """A member's relation to the head of their household."""

    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    TENANT = "tenant"
    OTHER = "other"


class DepartmentKind(StrEnum):
    """What sort of body a department is."""

    GOVERNMENT = "government"  # 城管, 住建, 民政 …
    PROPERTY_COMPANY = "property_company"
    UTILITY = "utility"  # 热力公司, 供水, 供电
    POLICE_STATION = "police_station"
    PUBLIC_SERVICE = "public_service"  # 消防, 医院, 学校
    OTHER = "other"


class UnitKind(StrEnum):
    """What sort of co-building unit (共建单位) offers resources."""

    PARTY_ORGANISATION = "party_organisation"  # 大党委成员单位
    ENTERPRISE = "enterprise"
    PUBLIC_INSTITUTION = "public_institution"
    SOCIAL_ORGANISATION = "social_organisation"


class WorkerPost(StrEnum):
    """The post a worker holds in a place."""

    GRID_WORKER = "grid_worker"  # 专职网格员 of a grid
    MICRO_GRID_WORKER = "micro_grid_worker"  # 微网格员 / 楼栋长 of a micro-grid
    GRID_LEADER = "grid_leader"  # 网格长

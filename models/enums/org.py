"""Enumerations of departments, co-building units and the posts workers hold."""

from enum import StrEnum


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
    """The post a worker holds in a place: the grid's own workers, and the "3+X" members who
    serve a grid beside them."""

    GRID_WORKER = "grid_worker"  # 专职网格员 of a grid
    MICRO_GRID_WORKER = "micro_grid_worker"  # 微网格员 / 楼栋长 of a micro-grid
    GRID_LEADER = "grid_leader"  # 网格长
    POLICE_OFFICER = "police_officer"  # 片区民警
    PROPERTY_MANAGER = "property_manager"  # 物业: the property company's person for the grid
    PARTY_MEMBER = "party_member"  # 双报到党员 serving the grid
    RESIDENT_ACTIVIST = "resident_activist"  # 居民骨干

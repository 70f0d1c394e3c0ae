"""Roles, each held in a place; their values are Casbin's role names (``permissions/``)."""

from enum import StrEnum


class Role(StrEnum):
    """A role, always held in a place (a grid subtree or a department)."""

    RESIDENT = "resident"  # 居民: reports concerns, rates results, posts needs, signs up
    MICRO_GRID_WORKER = "micro_grid_worker"  # 微网格员/楼栋长: collects concerns, patrols, visits
    GRID_WORKER = "grid_worker"  # 专职网格员: accepts, handles and dispatches in one grid
    COMMUNITY_CADRE = "community_cadre"  # 社区/街道干部: dispatches, approves, closes, statistics
    DEPARTMENT_RESPONDER = "department_responder"  # 职能部门: signs for, handles or returns cases
    ADMIN = "admin"  # the system's keeper, held at "/": everything everywhere

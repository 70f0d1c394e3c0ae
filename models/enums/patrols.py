"""Enumerations of patrols (天天转) and what they find."""

from enum import StrEnum


class FindingKind(StrEnum):
    """The six must-report kinds of a patrol finding (六报)."""

    BROKEN_FACILITY = "broken_facility"  # 公共设施损坏
    DIRTY_ENVIRONMENT = "dirty_environment"  # 环境脏乱
    NEW_PREGNANCY = "new_pregnancy"  # 新增孕情
    INCOMING_RESIDENT = "incoming_resident"  # 新迁入人员
    SAFETY_HAZARD = "safety_hazard"  # 安全隐患
    UNSTABLE_FACTOR = "unstable_factor"  # 不稳定因素

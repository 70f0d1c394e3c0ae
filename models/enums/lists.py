"""Enumerations of the need and resource lists (需求清单, 资源清单) and their matching."""

from enum import StrEnum


class NeedKind(StrEnum):
    """A need of the need list (需求清单), or a micro-wish (微心愿)."""

    NEED = "need"
    MICRO_WISH = "micro_wish"


class ListCategory(StrEnum):
    """What a need, resource, service or activity is about: matching compares these."""

    ELDERLY_CARE = "elderly_care"  # 助老
    REPAIR = "repair"  # 维修
    HAIRCUT = "haircut"  # 理发
    LEGAL = "legal"  # 法律
    HEALTH = "health"  # 医疗健康
    EDUCATION = "education"  # 助学
    EMPLOYMENT = "employment"  # 就业
    GOODS = "goods"  # 物资
    CLEANING = "cleaning"  # 清洁
    COMPANIONSHIP = "companionship"  # 陪伴
    PAPERWORK = "paperwork"  # 证件办理
    OTHER = "other"


class NeedState(StrEnum):
    """Where a need stands: posted → published → claimed → fulfilled → confirmed (闭合)."""

    POSTED = "posted"
    PUBLISHED = "published"
    CLAIMED = "claimed"
    FULFILLED = "fulfilled"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


# The states in which a need is on the public list (公示).
PUBLIC_NEED_STATES = frozenset(
    {NeedState.PUBLISHED, NeedState.CLAIMED, NeedState.FULFILLED, NeedState.CONFIRMED}
)


class NeedAction(StrEnum):
    """What happens to a need; each is one row of its history."""

    POST = "post"
    PUBLISH = "publish"
    REJECT = "reject"
    CLAIM = "claim"
    RELEASE = "release"  # a claim dropped or expired: back to published
    FULFIL = "fulfil"
    CONFIRM = "confirm"


class ClaimantKind(StrEnum):
    """Who claimed a need (认领)."""

    PARTY_MEMBER = "party_member"
    VOLUNTEER = "volunteer"
    VOLUNTEER_TEAM = "volunteer_team"
    CO_BUILDING_UNIT = "co_building_unit"


class ProviderKind(StrEnum):
    """Who offers a resource (资源清单)."""

    CO_BUILDING_UNIT = "co_building_unit"  # 共建单位, 企业, 大党委成员单位
    PARTY_MEMBER = "party_member"

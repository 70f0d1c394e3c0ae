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


class FindingKind(StrEnum):
    """The six must-report kinds of a patrol finding (六报)."""

    BROKEN_FACILITY = "broken_facility"  # 公共设施损坏
    DIRTY_ENVIRONMENT = "dirty_environment"  # 环境脏乱
    NEW_PREGNANCY = "new_pregnancy"  # 新增孕情
    INCOMING_RESIDENT = "incoming_resident"  # 新迁入人员
    SAFETY_HAZARD = "safety_hazard"  # 安全隐患
    UNSTABLE_FACTOR = "unstable_factor"  # 不稳定因素


class MeetingLevel(StrEnum):
    """At which level a deliberation meeting (议事会) sits."""

    COMMUNITY = "community"
    AREA = "area"
    PARK = "park"


class MeetingKind(StrEnum):
    """一月一议 (monthly) or 急事随议 (urgent)."""

    MONTHLY = "monthly"
    URGENT = "urgent"


class AttendeeKind(StrEnum):
    """Whom an attendee of a meeting represents."""

    PARTY = "party"
    RESIDENT = "resident"
    PROPERTY = "property"
    DEPARTMENT = "department"


class SignUpState(StrEnum):
    """Where a sign-up to a volunteer activity stands."""

    SIGNED_UP = "signed_up"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    VERIFIED = "verified"
    CANCELLED = "cancelled"


class CaseClass(StrEnum):
    """How a case is handled (天天转、马上办 分类层级处置)."""

    GENERAL = "general"  # 一般性: the grid worker handles it on site
    COORDINATION = "coordination"  # 协调性: taken back to the community and dispatched
    EMERGENCY = "emergency"  # 突发性: reported up at once, limits in hours
    APPROVAL = "approval"  # 审批性: reported up by procedure to the level that decides


class CaseUrgency(StrEnum):
    """How urgent the reporter or the accepting worker judges a case."""

    NORMAL = "normal"
    URGENT = "urgent"
    CRITICAL = "critical"


class CaseChannel(StrEnum):
    """Where a case came in."""

    STATION = "station"  # a visit to a 驿站
    WECHAT_GROUP = "wechat_group"
    HOTLINE = "hotline"  # the community's own hotline
    MAILBOX = "mailbox"
    PATROL = "patrol"  # found on a 天天转 round
    HOME_VISIT = "home_visit"
    HOTLINE_12345 = "hotline_12345"
    PARTNER_APP = "partner_app"
    ONLINE = "online"  # the resident's own app or mini-program
    MEETING = "meeting"  # decided at a deliberation meeting (议事会)


class CaseState(StrEnum):
    """Where a case stands in the closed loop (收件 → 派件 → 办理 → 反馈 → 评价)."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DISPATCHED = "dispatched"
    HANDLING = "handling"
    RESOLVED = "resolved"
    VERIFIED = "verified"
    REPLIED = "replied"
    REOPENED = "reopened"
    UNSATISFIED = "unsatisfied"
    CLOSED = "closed"
    MERGED = "merged"


class CaseAction(StrEnum):
    """An action recorded in a case's history; the workflow table says where each leads."""

    SUBMIT = "submit"
    ACCEPT = "accept"
    REJECT = "reject"
    DISPATCH = "dispatch"
    SIGN = "sign"
    RETURN_DISPATCH = "return_dispatch"  # one summoned department returns, others still act
    RETURN_CASE = "return_case"  # the last active dispatch returns: back to the dispatcher
    REQUEST_EXTENSION = "request_extension"
    DECIDE_EXTENSION = "decide_extension"
    RESOLVE = "resolve"
    VERIFY_PASS = "verify_pass"
    VERIFY_FAIL = "verify_fail"
    REPLY = "reply"
    RATE_SATISFIED = "rate_satisfied"
    RATE_UNSATISFIED = "rate_unsatisfied"  # reopened (重办)
    RATE_FINAL_UNSATISFIED = "rate_final_unsatisfied"  # reopened twice already: a cadre explains
    CLOSE = "close"
    AUTO_CLOSE = "auto_close"
    MERGE = "merge"
    COMMENT = "comment"
    ATTACH = "attach"
    ESCALATE = "escalate"
    MARK_OVERDUE = "mark_overdue"


class DispatchState(StrEnum):
    """Where one dispatch (派件) of a case to a department or cadre stands."""

    PENDING = "pending"  # sent, not signed for
    SIGNED = "signed"  # signed for (签收): the handling clock runs
    RETURNED = "returned"  # returned as wrongly routed (退单)
    RESOLVED = "resolved"  # the case was resolved while this dispatch was active
    WITHDRAWN = "withdrawn"  # superseded by a new round after a reopening


class ExtensionState(StrEnum):
    """A request for more time (延期)."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"


class AttachmentKind(StrEnum):
    """What an attached file shows."""

    REPORT = "report"  # sent with the concern
    EVIDENCE = "evidence"  # the result of handling
    OTHER = "other"


class NotificationKind(StrEnum):
    """Why a person is told about a case."""

    DISPATCHED = "dispatched"
    RETURNED = "returned"
    OVERDUE = "overdue"
    ESCALATED = "escalated"
    EMERGENCY = "emergency"
    RATED = "rated"
    REPLIED = "replied"
    EXTENSION = "extension"

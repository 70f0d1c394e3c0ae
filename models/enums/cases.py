"""Enumerations of cases: their handling, states, history, dispatches and what goes with them."""

from enum import StrEnum


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


# The states in which a case is on the public board (公示): its result has been given.
PUBLIC_CASE_STATES = frozenset({CaseState.REPLIED, CaseState.CLOSED})


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

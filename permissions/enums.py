"""The names Casbin decides on: roles (``p.sub``/``g`` role), resources (``obj``), actions (``act``).

Every value is the exact string used in ``policy.csv`` and in the ``casbin_rule`` table; code
outside ``permissions/`` uses these members, never the strings.
"""

from enum import StrEnum

# A role is stored in each role assignment, so its enum lives with the stored enums; it is
# Casbin's subject-role name all the same, and is imported from here by the rest.
from models.enums.roles import Role

__all__ = ["Action", "Resource", "Role"]


class Resource(StrEnum):
    """An area of the system a rule is about (``obj``); never a single object."""

    GRID = "grid"  # a node of the grid tree (street … building)
    BOUNDARY = "boundary"  # a place's area on the map (GeoJSON polygons)
    STATION = "station"  # 驿站 in a grid
    PERSON = "person"  # a resident's record
    HOUSEHOLD = "household"  # a household living in a building
    PARTY_BRANCH = "party_branch"  # 党支部 of one or more grids
    PARTY_MEMBER = "party_member"  # 党员 and their linked households
    VOLUNTEER = "volunteer"  # 志愿者 with skills and service hours
    VOLUNTEER_TEAM = "volunteer_team"  # 志愿服务队
    DEPARTMENT = "department"  # 职能部门
    CO_BUILDING_UNIT = "co_building_unit"  # 共建单位 offering resources
    WORKER_ASSIGNMENT = "worker_assignment"  # which worker serves which grid
    USER = "user"  # a login account
    ROLE_ASSIGNMENT = "role_assignment"  # a (user, role, place) row
    POLICY = "policy"  # a role-level Casbin rule
    API_TOKEN = "api_token"  # a partner app's token
    AUDIT = "audit"  # the audit log
    CASE = "case"  # 民情事项, a concern going round the closed loop
    CASE_CATEGORY = "case_category"  # categories of cases and their time limits
    CALENDAR = "calendar"  # working days and holidays used for time limits
    STATISTICS = "statistics"  # received/completed/disposal/satisfaction figures
    NEED = "need"  # 需求清单 entry, including 微心愿
    RESOURCE_OFFER = "resource_offer"  # 资源清单 entry
    SERVICE_OFFER = "service_offer"  # 服务清单 entry
    PATROL = "patrol"  # 天天转: a worker's round and its findings
    VISIT = "visit"  # 六访: a visit to a key household
    MEETING = "meeting"  # 议事会 with agenda and decisions
    ACTIVITY = "activity"  # a volunteer activity with sign-ups


class Action(StrEnum):
    """What is done to a resource (``act``)."""

    READ = "read"  # see it, with personal fields masked
    READ_PERSONAL = "read_personal"  # see unmasked phone, address and key-group tags
    CREATE = "create"  # make a new one
    UPDATE = "update"  # change its fields
    DELETE = "delete"  # remove it (admin only: history is kept)
    SUBMIT = "submit"  # report a case (说事), for oneself or on a resident's behalf
    ACCEPT = "accept"  # take a submitted case in (收件)
    REJECT = "reject"  # refuse a submitted case, with a reason
    DISPATCH = "dispatch"  # send a case to a handler or department (派件)
    SIGN = "sign"  # a department signs for a dispatched case (签收)
    RETURN_CASE = "return_case"  # a department returns a wrongly routed case (退回)
    REQUEST_EXTENSION = "request_extension"  # ask for more time than the limit
    DECIDE_EXTENSION = "decide_extension"  # approve or refuse an extension request
    RESOLVE = "resolve"  # report the result of handling (办理/反馈)
    VERIFY = "verify"  # check the result on site (核实)
    REPLY = "reply"  # answer the reporter
    RATE = "rate"  # the reporter rates the result (评价)
    CLOSE = "close"  # close the loop
    REOPEN = "reopen"  # reopen a case its reporter is not satisfied with
    MERGE = "merge"  # merge duplicate cases
    COMMENT = "comment"  # add a note to a case's history
    ESCALATE = "escalate"  # report up / 吹哨报到 to several departments
    PUBLISH = "publish"  # make a list entry public (公示)
    CLAIM = "claim"  # claim a need or micro-wish (认领)
    FULFIL = "fulfil"  # mark a need as met
    CONFIRM = "confirm"  # the resident confirms a need is met (闭合)
    VERIFY_HOURS = "verify_hours"  # confirm a volunteer's service hours
    SIGN_UP = "sign_up"  # sign up for an activity

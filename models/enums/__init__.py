"""Enumerations stored in the database; their values are the stored strings. One module an
area; every name is re-exported here, so ``from models.enums import X`` is the way to import one."""

from models.enums.cases import (
    PUBLIC_CASE_STATES,
    AttachmentKind,
    CaseAction,
    CaseChannel,
    CaseClass,
    CaseState,
    CaseUrgency,
    DispatchState,
    ExtensionState,
    NotificationKind,
)
from models.enums.grid import GridChangeKind, GridLevel, StationKind
from models.enums.lists import (
    PUBLIC_NEED_STATES,
    ClaimantKind,
    ListCategory,
    NeedAction,
    NeedKind,
    NeedState,
    ProviderKind,
)
from models.enums.meetings import AttendeeKind, MeetingKind, MeetingLevel
from models.enums.org import DepartmentKind, UnitKind, WorkerPost
from models.enums.patrols import FindingKind
from models.enums.people import Gender, HouseholdRelation, KeyGroup
from models.enums.volunteering import SignUpState

__all__ = [
    "PUBLIC_CASE_STATES",
    "PUBLIC_NEED_STATES",
    "AttachmentKind",
    "AttendeeKind",
    "CaseAction",
    "CaseChannel",
    "CaseClass",
    "CaseState",
    "CaseUrgency",
    "ClaimantKind",
    "DepartmentKind",
    "DispatchState",
    "ExtensionState",
    "FindingKind",
    "Gender",
    "GridChangeKind",
    "GridLevel",
    "HouseholdRelation",
    "KeyGroup",
    "ListCategory",
    "MeetingKind",
    "MeetingLevel",
    "NeedAction",
    "NeedKind",
    "NeedState",
    "NotificationKind",
    "ProviderKind",
    "SignUpState",
    "StationKind",
    "UnitKind",
    "WorkerPost",
]

"""The stored enums, exposed to GraphQL with descriptions (one place registers each)."""

import strawberry

from models.enums import (
    DepartmentKind,
    Gender,
    GridChangeKind,
    GridLevel,
    HouseholdRelation,
    KeyGroup,
    StationKind,
    UnitKind,
    WorkerPost,
)

GridLevelEnum = strawberry.enum(GridLevel, description="A level of the grid tree.")
GridChangeKindEnum = strawberry.enum(GridChangeKind, description="What a grid history row records.")
StationKindEnum = strawberry.enum(StationKind, description="Kind of 驿站.")
GenderEnum = strawberry.enum(Gender, description="Gender.")
KeyGroupEnum = strawberry.enum(
    KeyGroup, description="One of the six key groups visited monthly (六访)."
)
HouseholdRelationEnum = strawberry.enum(
    HouseholdRelation, description="Relation to the household head."
)
DepartmentKindEnum = strawberry.enum(DepartmentKind, description="Kind of department.")
UnitKindEnum = strawberry.enum(UnitKind, description="Kind of co-building unit.")
WorkerPostEnum = strawberry.enum(WorkerPost, description="A worker's post in a place.")

# The lists, patrols, visits, meetings and volunteering (issue 5).
from models.enums import (  # noqa: E402
    AttendeeKind,
    ClaimantKind,
    FindingKind,
    ListCategory,
    MeetingKind,
    MeetingLevel,
    NeedAction,
    NeedKind,
    NeedState,
    ProviderKind,
    SignUpState,
)

NeedKindEnum = strawberry.enum(NeedKind, description="A need, or a micro-wish (微心愿).")
ListCategoryEnum = strawberry.enum(
    ListCategory, description="What a need, resource, service or activity is about."
)
NeedStateEnum = strawberry.enum(
    NeedState, description="Where a need stands: posted, published, claimed, fulfilled, confirmed."
)
NeedActionEnum = strawberry.enum(NeedAction, description="A step of a need's history.")
ClaimantKindEnum = strawberry.enum(ClaimantKind, description="Who claimed a need (认领).")
ProviderKindEnum = strawberry.enum(ProviderKind, description="Who offers a resource.")
FindingKindEnum = strawberry.enum(
    FindingKind, description="The six must-report kinds of a patrol finding (六报)."
)
MeetingLevelEnum = strawberry.enum(MeetingLevel, description="Level of a deliberation meeting.")
MeetingKindEnum = strawberry.enum(
    MeetingKind, description="一月一议 (monthly) or 急事随议 (urgent)."
)
AttendeeKindEnum = strawberry.enum(AttendeeKind, description="Whom a meeting attendee represents.")
SignUpStateEnum = strawberry.enum(SignUpState, description="Where a sign-up to an activity stands.")

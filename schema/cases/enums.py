"""The case enums, exposed to GraphQL with descriptions (registered once, here)."""

import strawberry

from domain.case_statistics import GroupBy
from models.enums import (
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

CaseClassEnum = strawberry.enum(
    CaseClass, description="How a case is handled: general, coordination, emergency, approval."
)
CaseUrgencyEnum = strawberry.enum(CaseUrgency, description="How urgent a case is.")
CaseChannelEnum = strawberry.enum(CaseChannel, description="Where a case came in.")
CaseStateEnum = strawberry.enum(CaseState, description="Where a case stands in the loop.")
CaseActionEnum = strawberry.enum(CaseAction, description="An action in a case's history.")
DispatchStateEnum = strawberry.enum(DispatchState, description="Where a dispatch stands.")
ExtensionStateEnum = strawberry.enum(ExtensionState, description="An extension's decision.")
AttachmentKindEnum = strawberry.enum(AttachmentKind, description="What an attached file shows.")
NotificationKindEnum = strawberry.enum(NotificationKind, description="Why you are told.")
FiguresGroupByEnum = strawberry.enum(
    GroupBy, name="FiguresGroupBy", description="How case figures are broken down."
)

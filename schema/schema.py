"""The schema: root types, every node type, and the extensions every request runs through."""

from __future__ import annotations

import strawberry

from schema.grid.types import GridChangeType, GridType, StationType
from schema.limits import guard_rail_extensions
from schema.lists.offer_types import ResourceOfferType, ServiceOfferType
from schema.lists.types import NeedEventType, NeedType, PublicNeedType
from schema.masking import MaskUnexpectedErrors
from schema.meetings.types import (
    AgendaItemType,
    DecisionType,
    MeetingAttendeeType,
    MeetingType,
)
from schema.mutation import Mutation
from schema.patrols.types import PatrolFindingType, PatrolType, VisitType
from schema.query import Query
from schema.volunteering.types import ActivityType, SignUpEventType, SignUpType

NODE_TYPES: list[type] = [
    GridType,
    GridChangeType,
    StationType,
    NeedType,
    NeedEventType,
    PublicNeedType,
    ResourceOfferType,
    ServiceOfferType,
    PatrolType,
    PatrolFindingType,
    VisitType,
    MeetingType,
    MeetingAttendeeType,
    AgendaItemType,
    DecisionType,
    ActivityType,
    SignUpType,
    SignUpEventType,
]


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[*guard_rail_extensions(), MaskUnexpectedErrors],
    )


schema = build_schema()

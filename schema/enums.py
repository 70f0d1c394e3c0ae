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

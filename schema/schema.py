"""The schema: root types, every node type, and the extensions every request runs through."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.types import ExecutionContext

from schema.accounts.admin_types import ApiTokenType, AuditEntryType, PolicyRuleType
from schema.accounts.department import DepartmentType
from schema.accounts.types import RoleAssignmentType, UserType
from schema.authentication import Unauthenticated401
from schema.cases.categories import CaseCategoryType, TimeLimitRuleType
from schema.cases.notifications import NotificationType
from schema.cases.public import PublicCaseType
from schema.cases.records import (
    CaseAttachmentType,
    CaseDispatchType,
    CaseEventType,
    CaseExtensionType,
)
from schema.cases.types import CaseType
from schema.context import Context
from schema.errors import EXCEPTION_HANDLERS
from schema.grid.types import GridChangeType, GridType, StationType
from schema.limits import guard_rail_extensions
from schema.lists.offer_types import ResourceOfferType, ServiceOfferType
from schema.lists.types import NeedEventType, NeedType, PublicNeedType
from schema.masking import MaskUnexpectedErrors, log_client_errors
from schema.meetings.types import (
    AgendaItemType,
    DecisionType,
    MeetingAttendeeType,
    MeetingType,
)
from schema.mutation import Mutation
from schema.patrols.types import PatrolFindingType, PatrolType, VisitType
from schema.people.org_types import (
    CoBuildingUnitType,
    PartyBranchType,
    PartyMemberType,
    VolunteerTeamType,
    VolunteerType,
    WorkerAssignmentType,
)
from schema.people.types import HouseholdType, PersonType
from schema.query import Query
from schema.volunteering.types import ActivityType, SignUpEventType, SignUpType

NODE_TYPES: list[type] = [
    GridType,
    GridChangeType,
    StationType,
    PersonType,
    HouseholdType,
    PartyBranchType,
    PartyMemberType,
    VolunteerType,
    VolunteerTeamType,
    CoBuildingUnitType,
    WorkerAssignmentType,
    UserType,
    RoleAssignmentType,
    DepartmentType,
    ApiTokenType,
    AuditEntryType,
    PolicyRuleType,
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
    CaseType,
    CaseEventType,
    CaseDispatchType,
    CaseAttachmentType,
    CaseExtensionType,
    CaseCategoryType,
    TimeLimitRuleType,
    PublicCaseType,
    NotificationType,
]


class MinqingSchema(strawberry.Schema):
    """strawberry's schema, logging errors without the document (see ``schema/masking.py``)."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_client_errors(errors, execution_context)

    def _create_execution_context(self, *args: Any, **kwargs: Any) -> ExecutionContext:
        # strawberry has no public hook that hands the operation back to the view, which
        # counts requests by operation name.
        execution = super()._create_execution_context(*args, **kwargs)
        if isinstance(execution.context, Context):
            execution.context.execution = execution
        return execution


def build_schema() -> strawberry.Schema:
    built = MinqingSchema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[*guard_rail_extensions(), MaskUnexpectedErrors, Unauthenticated401],
        exception_handlers=EXCEPTION_HANDLERS,
    )
    _describe_mutation_inputs(built)
    return built


def _describe_mutation_inputs(built: strawberry.Schema) -> None:
    """Every mutation's one ``input`` argument gets the same description, written once here."""
    mutation = built._schema.mutation_type
    for name, field in (mutation.fields if mutation else {}).items():
        argument = field.args.get("input")
        if argument is not None and not argument.description:
            argument.description = f"Everything `{name}` needs, in one object."


schema = build_schema()

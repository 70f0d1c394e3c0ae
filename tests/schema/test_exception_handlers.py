"""Domain exceptions become the union members a field declares, and nothing else.

A small schema with the real handlers and the real masking: each mutation raises, as the
resolvers of ``schema/`` now do, instead of returning an error object.
"""

from __future__ import annotations

from typing import Annotated, Any

import pytest
import strawberry
from graphql import GraphQLUnionType, get_named_type
from tortoise.exceptions import IntegrityError

from domain.error_codes import InputErrorCode
from domain.errors import (
    ConflictError,
    DomainError,
    FieldError,
    InvalidTransitionError,
    NotFoundError,
    PermissionDeniedError,
    ValidationFailedError,
)
from schema.errors import (
    DUPLICATE_MESSAGE,
    EXCEPTION_HANDLERS,
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from schema.masking import MASKED_CODE, MASKED_MESSAGE, MaskUnexpectedErrors
from schema.schema import schema as minqing_schema

RAISED: dict[str, Exception] = {}


@strawberry.type(description="Done.")
class Done:
    ok: bool = strawberry.field(description="Always true.")


Everything = Annotated[
    Done | ValidationFailed | NotFound | Conflict | PermissionDenied | InvalidTransition,
    strawberry.union("Everything", description="Every error type."),
]
OnlyNotFound = Annotated[
    Done | NotFound, strawberry.union("OnlyNotFound", description="One error type.")
]


def _raise(name: str) -> Done:
    raise RAISED[name]


@strawberry.type(description="Root.")
class Query:
    ok: bool = strawberry.field(default=True, description="Unused.")


@strawberry.type(description="Root.")
class Mutation:
    @strawberry.mutation(description="Raises the test's exception; declares every error type.")
    async def everything(self, name: str) -> Everything:
        return _raise(name)

    @strawberry.mutation(description="Raises the test's exception; declares only NotFound.")
    async def only_not_found(self, name: str) -> OnlyNotFound:
        return _raise(name)


schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    extensions=[MaskUnexpectedErrors],
    exception_handlers=EXCEPTION_HANDLERS,
)

SELECTION = """{ __typename
  ... on Error { code message }
  ... on ValidationFailed { fieldErrors { field message code } }
  ... on NotFound { field }
  ... on InvalidTransition { state allowedActions } }"""


async def _run(field: str, exc: Exception) -> Any:
    RAISED["it"] = exc
    selection = SELECTION if field == "everything" else "{ __typename ... on Error { code } }"
    return await schema.execute(f'mutation {{ {field}(name: "it") {selection} }}')


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (
            ValidationFailedError.one("title", "Must not be empty", InputErrorCode.REQUIRED),
            {
                "__typename": "ValidationFailed",
                "code": "validation_failed",
                "message": "Invalid input — title: Must not be empty",
                "fieldErrors": [
                    {"field": "title", "message": "Must not be empty", "code": "required"}
                ],
            },
        ),
        (
            NotFoundError("Case", "Q2FzZTox", field="caseId"),
            {
                "__typename": "NotFound",
                "code": "not_found",
                "message": "Case Q2FzZTox does not exist or is not visible to you",
                "field": "caseId",
            },
        ),
        (
            ConflictError("Someone changed it first"),
            {"__typename": "Conflict", "code": "conflict", "message": "Someone changed it first"},
        ),
        (
            IntegrityError("UNIQUE constraint failed: users.username"),
            {"__typename": "Conflict", "code": "conflict", "message": DUPLICATE_MESSAGE},
        ),
        (
            PermissionDeniedError(),
            {
                "__typename": "PermissionDenied",
                "code": "permission_denied",
                "message": "You are not allowed to do this here",
            },
        ),
        (
            InvalidTransitionError(state="CLOSED", action="accept", allowed=["reopen"]),
            {
                "__typename": "InvalidTransition",
                "code": "invalid_transition",
                "message": "Cannot accept from state CLOSED; allowed: reopen",
                "state": "CLOSED",
                "allowedActions": ["reopen"],
            },
        ),
    ],
    ids=lambda v: type(v).__name__ if isinstance(v, Exception) else "",
)
async def test_each_domain_exception_becomes_its_union_member(
    exc: Exception, expected: dict[str, Any]
) -> None:
    result = await _run("everything", exc)

    assert result.errors is None
    assert result.data == {"everything": expected}


async def test_a_domain_exception_the_union_does_not_declare_is_an_error_with_its_code() -> None:
    """Before, a Conflict object answered as the union's first error member: a wrong type."""
    result = await _run("onlyNotFound", ConflictError("Someone changed it first"))

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("Someone changed it first", {"code": "conflict"})
    ]


async def test_an_integrity_error_the_union_cannot_hold_is_masked() -> None:
    result = await _run("onlyNotFound", IntegrityError("UNIQUE constraint failed: users.username"))

    assert result.data is None
    assert [(e.message, (e.extensions or {})["code"]) for e in result.errors or []] == [
        (MASKED_MESSAGE, MASKED_CODE)
    ]


async def test_a_bug_stays_a_masked_error_even_where_every_error_type_is_declared() -> None:
    result = await _run("everything", KeyError("internal detail"))

    assert result.data is None
    assert [(e.message, (e.extensions or {})["code"]) for e in result.errors or []] == [
        (MASKED_MESSAGE, MASKED_CODE)
    ]


async def test_a_domain_error_of_no_mapped_kind_is_not_turned_into_a_member() -> None:
    result = await _run("everything", DomainError("no dispatch of yours"))

    assert result.data is None
    assert [(e.message, e.extensions) for e in result.errors or []] == [
        ("no dispatch of yours", {"code": "error"})
    ]


def test_every_mutation_returns_a_union_the_handlers_apply_to() -> None:
    errors = {"ValidationFailed", "NotFound", "Conflict", "PermissionDenied", "InvalidTransition"}
    mutation = minqing_schema._schema.mutation_type
    assert mutation is not None
    without = []
    for name, field in mutation.fields.items():
        result = get_named_type(field.type)
        if not isinstance(result, GraphQLUnionType) or not errors & {t.name for t in result.types}:
            without.append(name)
    assert without == []


def test_a_field_error_takes_only_a_code_of_the_enums() -> None:
    with pytest.raises(TypeError):
        FieldError(field="title", message="Must not be empty", code="required")  # type: ignore[arg-type]

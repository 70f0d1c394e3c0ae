"""Every code a field can be rejected with is a member of an area's enum, and the schema's
``FieldErrorCode`` says exactly those; a retired synonym is listed, deprecated, and never sent."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from graphql import GraphQLEnumType

from domain import error_codes
from domain.cases.files import MAX_FILES, UploadedFile, check_files
from domain.error_codes import FIELD_ERROR_CODES, RETIRED, InputErrorCode
from domain.errors import ValidationFailedError
from domain.volunteering import verify_hours
from schema.schema import schema

ROOT = Path(__file__).resolve().parents[2]
AREAS = {area.__name__: area for area in FIELD_ERROR_CODES}


def _code_arguments() -> list[tuple[str, ast.expr]]:
    """The code given at every ``ValidationFailedError.one(...)`` and ``FieldError(...)``."""
    found = []
    for folder in ("domain", "schema", "api", "permissions"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = ast.unparse(node.func)
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                code = next((k.value for k in node.keywords if k.arg == "code"), None)
                if name.endswith("ValidationFailedError.one") and len(node.args) > 2:
                    code = node.args[2]
                if code is not None and (name.endswith((".one", "FieldError"))):
                    found.append((where, code))
    return found


def test_every_code_given_in_the_source_names_a_member_of_an_area_enum() -> None:
    not_members = []
    for where, code in _code_arguments():
        if isinstance(code, ast.Name):
            continue  # passed on from a variable: mypy and FieldError itself hold it to the enums
        if not (
            isinstance(code, ast.Attribute)
            and isinstance(code.value, ast.Name)
            and code.attr in AREAS.get(code.value.id, {}).__members__
        ):
            not_members.append((where, ast.unparse(code)))
    assert not_members == []
    assert len(_code_arguments()) > 80


def test_no_string_literal_in_the_source_is_a_retired_code() -> None:
    found = []
    for folder in ("domain", "schema", "api", "permissions"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path == Path(error_codes.__file__):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in RETIRED:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_codes_are_unique_across_areas_and_retired_ones_belong_to_none() -> None:
    values = [code.value for area in FIELD_ERROR_CODES for code in area]

    assert len(values) == len(set(values))
    assert set(RETIRED) & set(values) == set()
    assert all(kept in values for kept in RETIRED.values())


def test_the_schema_enums_hold_exactly_the_codes_and_deprecate_only_the_retired() -> None:
    field_codes = schema._schema.type_map["FieldErrorCode"]
    assert isinstance(field_codes, GraphQLEnumType)

    expected = {code.value for area in FIELD_ERROR_CODES for code in area} | set(RETIRED)
    assert set(field_codes.values) == expected
    assert {n for n, v in field_codes.values.items() if v.deprecation_reason} == set(RETIRED)
    assert all(field_codes.serialize(code) == code.value for code in InputErrorCode)


def test_more_files_than_allowed_say_too_many_not_too_many_files() -> None:
    files = [UploadedFile("a.jpg", "image/jpeg", b"x")] * (MAX_FILES + 1)

    with pytest.raises(ValidationFailedError) as raised:
        check_files(files, field="files")

    assert [e.code for e in raised.value.field_errors] == ["too_many"]


@pytest.mark.parametrize("hours", [Decimal(25), Decimal(-1)])
async def test_hours_outside_a_day_say_out_of_range_not_range(hours: Decimal) -> None:
    sign_up: Any = SimpleNamespace(hours=None)

    with pytest.raises(ValidationFailedError) as raised:
        await verify_hours(sign_up, hours=hours, actor_user_id=1)

    assert [(e.field, e.code) for e in raised.value.field_errors] == [("hours", "out_of_range")]


def test_the_readme_lists_every_code_under_its_area() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Error codes") :]
    missing = [
        f"{area.__name__}.{code.name}"
        for area in FIELD_ERROR_CODES
        for code in area
        if f"| `{code}` |" not in section.split(f"**{area.__name__}**")[1].split("**")[0]
    ]
    assert missing == []

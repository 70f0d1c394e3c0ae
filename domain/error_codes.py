"""Every machine code an expected failure can carry: one enum per area, as Saleor does.

The values are the strings clients already receive (``fieldErrors[].code``); a member's
``description`` documents it in the schema. ``FieldError.code`` accepts only these members, so
nothing outside this module names a code as a bare string. A code merged into a synonym is in
``RETIRED`` and in no enum: the schema keeps it as a deprecated value for one release, and
nothing can emit it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class DescribedCode(StrEnum):
    """A code whose value is its wire string, with a description for the schema."""

    description: str

    def __new__(cls, value: str, description: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.description = description
        return member


class ErrorCode(DescribedCode):
    """Which expected failure: ``Error.code``, one per error type of a result union."""

    VALIDATION_FAILED = "validation_failed", "The input was rejected (`ValidationFailed`)."
    NOT_FOUND = "not_found", "Missing or not visible to the caller (`NotFound`)."
    CONFLICT = "conflict", "Clashes with the current state (`Conflict`)."
    PERMISSION_DENIED = "permission_denied", "The caller may not do this (`PermissionDenied`)."
    INVALID_TRANSITION = "invalid_transition", "Not allowed from this state (`InvalidTransition`)."


class InputErrorCode(DescribedCode):
    """Why a field was rejected, in any area."""

    INVALID = "invalid", "Not acceptable; the message says why."
    REQUIRED = "required", "Missing or empty."
    TOO_SHORT = "too_short", "Too few characters."
    TOO_LONG = "too_long", "Too many characters, or too far ahead."
    TOO_SMALL = "too_small", "Below the least allowed number."
    TOO_MANY = "too_many", "More items than allowed (files, skills, households)."
    OUT_OF_RANGE = "out_of_range", "A number outside its allowed range."
    ORDER = "order", "An end before its start."
    MISMATCH = "mismatch", "Does not belong to the object acted on."
    OUTSIDE_PLACE = "outside_place", "Lies outside the place it must lie in."
    LEVEL_NOT_ALLOWED = "level_not_allowed", "A place of a level not allowed here."
    MALFORMED_ID = "malformed_id", "Not a valid global ID."
    WRONG_ID_TYPE = "wrong_id_type", "The ID of another type of object."
    BAD_PHONE = "bad_phone", "Not a mobile or landline number."


class AccountErrorCode(DescribedCode):
    """Accounts, roles and API tokens."""

    ADMIN_NOT_ALLOWED = "admin_not_allowed", "A partner app's token cannot be an admin."
    IN_THE_PAST = "in_the_past", "A moment that must be in the future."
    NOT_HOME = "not_home", "A resident's role is held at their home."


class GridErrorCode(DescribedCode):
    """The tree of places."""

    CYCLE = "cycle", "A place cannot move under itself or a descendant."


class BoundaryErrorCode(DescribedCode):
    """Boundaries on the map (GeoJSON imports, places found by coordinates)."""

    BAD_GEOJSON = "bad_geojson", "Not a GeoJSON FeatureCollection of Features."
    BAD_GEOMETRY = "bad_geometry", "Not a valid Polygon or MultiPolygon (rings, positions)."
    SELF_INTERSECTING = "self_intersecting", "A polygon whose edges cross themselves."
    OVERLAP = "overlap", "Overlaps the boundary of a sibling place."
    BAD_CRS = "bad_crs", "A coordinate system other than WGS-84 or GCJ-02 longitude/latitude."
    NO_PLACE = "no_place", "No active place matches the feature."
    AMBIGUOUS_PLACE = "ambiguous_place", "Several places match the feature's name."
    SAME_PLACE = "same_place", "Two features for the same place."
    NOT_COVERED = "not_covered", "No place's boundary contains the point."


class PeopleErrorCode(DescribedCode):
    """People, households and organisations."""

    PLACE_MISMATCH = "place_mismatch", "A household member lives in the household's building."
    RELATION_WITHOUT_HOUSEHOLD = "relation_without_household", "A relation needs a household."


class CaseErrorCode(DescribedCode):
    """Cases, their files and their links."""

    BAD_BASE64 = "bad_base64", "A file's content is not valid base64."
    BAD_BUILDING = "bad_building", "Not a building in the case's place."
    BAD_COUNT = "bad_count", "Too few or too many dispatch targets."
    BAD_KEY = "bad_key", "An idempotency key of the wrong length."
    BAD_MONTH = "bad_month", "Not a month as YYYY-MM."
    BAD_NAME = "bad_name", "A file name of the wrong length."
    BAD_ORIGINAL = "bad_original", "The original case is in no state to keep a duplicate."
    BAD_TARGET = "bad_target", "A dispatch target names neither department nor cadre."
    DUPLICATE = "duplicate", "The same dispatch target twice."
    EMPTY_FILE = "empty_file", "A file without content."
    FILE_TOO_LARGE = "file_too_large", "A file above the size limit."
    FORBIDDEN_TYPE = "forbidden_type", "A file type not accepted."
    INACTIVE = "inactive", "A retired category."
    NO_DEADLINE = "no_deadline", "The decision has no deadline."
    NO_OWNER = "no_owner", "The decision names no owner."
    NOTHING_FOUND = "nothing_found", "The visit found nothing to follow up."
    ONE_LEAD = "one_lead", "A joint summons needs exactly one lead."
    SAME = "same", "A case cannot duplicate itself."
    TYPE_MISMATCH = "type_mismatch", "A file whose content is not its declared type."


class NeedErrorCode(DescribedCode):
    """Needs (微心愿) and their claims."""

    NOT_A_MEMBER = "not_a_member", "The caller is not a registered party member."
    NOT_A_VOLUNTEER = "not_a_volunteer", "The caller is not a registered volunteer."
    OWN_NEED = "own_need", "A resident cannot claim their own need."


class PatrolErrorCode(DescribedCode):
    """Patrols and visits."""

    FUTURE = "future", "A moment that cannot be in the future."
    NOT_A_GRID = "not_a_grid", "Not a grid or micro-grid, or under none."
    OUTSIDE_GRID = "outside_grid", "The place lies outside the patrolled grid."


class VolunteeringErrorCode(DescribedCode):
    """Volunteer activities and sign-ups."""

    OVER = "over", "The activity is over."


class RequestErrorCode(StrEnum):
    """``extensions.code`` of a failure that is never a union member (an HTTP 401 among them)."""

    ERROR = "error"
    UNAUTHENTICATED = "unauthenticated"
    LOGIN_FAILED = "login_failed"


FieldErrorCode = (
    InputErrorCode
    | AccountErrorCode
    | GridErrorCode
    | BoundaryErrorCode
    | PeopleErrorCode
    | CaseErrorCode
    | NeedErrorCode
    | PatrolErrorCode
    | VolunteeringErrorCode
)
"""Any reason a field can be rejected for."""

FIELD_ERROR_CODES: tuple[type[DescribedCode], ...] = (
    InputErrorCode,
    AccountErrorCode,
    GridErrorCode,
    BoundaryErrorCode,
    PeopleErrorCode,
    CaseErrorCode,
    NeedErrorCode,
    PatrolErrorCode,
    VolunteeringErrorCode,
)
"""The areas' enums, in the order the schema lists them."""

RETIRED: dict[str, FieldErrorCode] = {
    "range": InputErrorCode.OUT_OF_RANGE,
    "too_many_files": InputErrorCode.TOO_MANY,
}
"""Codes merged into a synonym: still in the schema (deprecated) for one release, never sent."""

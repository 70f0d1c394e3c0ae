"""Cleaning of user input shared by every verb: names, phone numbers, years."""

from __future__ import annotations

import re
from datetime import date

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError

# A mainland mobile number (1 then 3–9 then 9 digits) or a landline with its area code.
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def clean_name(value: str, *, field: str, max_length: int = 100) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ValidationFailedError.one(field, "Must not be empty", InputErrorCode.REQUIRED)
    if len(cleaned) > max_length:
        raise ValidationFailedError.one(
            field, f"At most {max_length} characters", InputErrorCode.TOO_LONG
        )
    return cleaned


def clean_phone(value: str, *, field: str = "phone") -> str:
    cleaned = value.strip().replace(" ", "")
    if cleaned and not (MOBILE.match(cleaned) or LANDLINE.match(cleaned)):
        raise ValidationFailedError.one(
            field,
            f"{value!r} is not a mobile (11 digits from 1) or landline number",
            InputErrorCode.BAD_PHONE,
        )
    return cleaned


def clean_birth_year(value: int | None, *, field: str = "birthYear") -> int | None:
    if value is None:
        return None
    if not 1900 <= value <= date.today().year:
        raise ValidationFailedError.one(field, f"{value} is not a plausible year of birth")
    return value


def mask_phone(phone: str) -> str:
    """``13812345678`` → ``138****5678``: enough to recognise, not enough to call."""
    if len(phone) < 7:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"

"""Enumerations of volunteer activities."""

from enum import StrEnum


class SignUpState(StrEnum):
    """Where a sign-up to a volunteer activity stands."""

    SIGNED_UP = "signed_up"
    CHECKED_IN = "checked_in"
    CHECKED_OUT = "checked_out"
    VERIFIED = "verified"
    CANCELLED = "cancelled"

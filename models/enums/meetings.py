"""Enumerations of deliberation meetings (议事会)."""

from enum import StrEnum


class MeetingLevel(StrEnum):
    """At which level a deliberation meeting (议事会) sits."""

    COMMUNITY = "community"
    AREA = "area"
    PARK = "park"


class MeetingKind(StrEnum):
    """一月一议 (monthly) or 急事随议 (urgent)."""

    MONTHLY = "monthly"
    URGENT = "urgent"


class AttendeeKind(StrEnum):
    """Whom an attendee of a meeting represents."""

    PARTY = "party"
    RESIDENT = "resident"
    PROPERTY = "property"
    DEPARTMENT = "department"

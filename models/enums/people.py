"""Enumerations of residents and their households."""

from enum import StrEnum


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    UNKNOWN = "unknown"


class KeyGroup(StrEnum):
    """The six key groups (六访) whose households are visited every month."""

    HARDSHIP = "hardship"
    ELDERLY_ALONE = "elderly_alone"
    DISABILITY = "disability"
    FLOATING = "floating"
    UNEMPLOYED = "unemployed"
    OTHER_KEY = "other_key"


class HouseholdRelation(StrEnum):
    """A member's relation to the head of their household."""

    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDCHILD = "grandchild"
    TENANT = "tenant"
    OTHER = "other"

"""Volunteer activities: announce, sign up, check in, check out, and the organiser verifying
the hours — hours count only once verified."""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tortoise.expressions import F, Subquery
from tortoise.functions import Min
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain.clock import moment as now
from domain.error_codes import InputErrorCode, VolunteeringErrorCode
from domain.errors import ConflictError, InvalidTransitionError, ValidationFailedError
from domain.validation import clean_name
from models.enums import ListCategory, SignUpState
from models.grid import GridNode
from models.org import VolunteerTeam
from models.people import Person
from models.volunteering import Activity, ActivitySignUp, SignUpEvent

# The one transition table of sign-ups: step → (from states, to state).
SIGN_UP_STEPS: dict[str, tuple[frozenset[SignUpState], SignUpState]] = {
    "check_in": (frozenset({SignUpState.SIGNED_UP}), SignUpState.CHECKED_IN),
    "check_out": (frozenset({SignUpState.CHECKED_IN}), SignUpState.CHECKED_OUT),
    "verify": (frozenset({SignUpState.CHECKED_OUT}), SignUpState.VERIFIED),
    "cancel": (frozenset({SignUpState.SIGNED_UP}), SignUpState.CANCELLED),
}
MAX_HOURS = Decimal("24")


def not_over(activities: QuerySet[Activity], at: datetime) -> QuerySet[Activity]:
    """The activities still to come or under way at ``at``.

    Those are the recently announced ones, so the ids are bounded from below by the first of
    them: a page by id then walks only the recent ids (SQLite, lacking statistics, walks the
    primary key for a page ordered by id rather than sort what the ``ends_at`` index finds).
    """
    first = Activity.filter(ends_at__gt=at).annotate(first=Min("id")).values("first")
    return activities.filter(ends_at__gt=at, id__gte=Subquery(first))


async def create_activity(
    *,
    title: str,
    description: str,
    category: ListCategory,
    starts_at: datetime,
    ends_at: datetime,
    place: GridNode,
    capacity: int,
    team: VolunteerTeam | None,
    organiser_user_id: int,
) -> Activity:
    title = clean_name(title, field="title")
    if ends_at <= starts_at:
        raise ValidationFailedError.one(
            "endsAt", "An activity ends after it starts", InputErrorCode.ORDER
        )
    if capacity < 1:
        raise ValidationFailedError.one("capacity", "At least one place", InputErrorCode.TOO_SMALL)
    return await Activity.create(
        title=title,
        description=description.strip(),
        category=category,
        starts_at=starts_at,
        ends_at=ends_at,
        place_id=place.id,
        place_path=place.path,
        capacity=capacity,
        team_id=team.id if team else None,
        organiser_user_id=organiser_user_id,
    )


async def sign_up(*, activity: Activity, person: Person, user_id: int | None) -> ActivitySignUp:
    if activity.ends_at <= now():
        raise ValidationFailedError.one(
            "activityId", "The activity is over", VolunteeringErrorCode.OVER
        )
    async with in_transaction():
        if await ActivitySignUp.filter(activity_id=activity.id, person_id=person.id).exists():
            raise ConflictError("You have already signed up to this activity")
        # One conditional UPDATE takes the place: of two people taking the last one at the
        # same moment, exactly one raises ``taken`` (on SQLite and PostgreSQL alike).
        took = await Activity.filter(id=activity.id, taken__lt=F("capacity")).update(
            taken=F("taken") + 1
        )
        if took != 1:
            raise ConflictError(f"The activity is full ({activity.capacity} places)")
        row = await ActivitySignUp.create(
            activity_id=activity.id, person_id=person.id, user_id=user_id
        )
        await SignUpEvent.create(
            sign_up_id=row.id,
            step="sign_up",
            from_state=None,
            to_state=SignUpState.SIGNED_UP,
            actor_user_id=user_id,
        )
        return row


async def _step(
    sign_up: ActivitySignUp, step: str, changes: dict[str, Any], actor_user_id: int | None
) -> ActivitySignUp:
    sources, target = SIGN_UP_STEPS[step]
    if sign_up.state not in sources:
        allowed = [s for s, (src, _) in SIGN_UP_STEPS.items() if sign_up.state in src]
        raise InvalidTransitionError(state=sign_up.state.value, action=step, allowed=allowed)
    async with in_transaction():
        updated = await ActivitySignUp.filter(id=sign_up.id, state=sign_up.state).update(
            state=target, **changes
        )
        if updated != 1:
            raise ConflictError("The sign-up changed meanwhile; reload and retry")
        await SignUpEvent.create(
            sign_up_id=sign_up.id,
            step=step,
            from_state=sign_up.state,
            to_state=target,
            actor_user_id=actor_user_id,
            hours=changes.get("hours", sign_up.hours),
        )
    for key, value in {"state": target, **changes}.items():
        setattr(sign_up, key, value)
    return sign_up


async def check_in(
    sign_up: ActivitySignUp, *, at: datetime | None = None, actor_user_id: int | None = None
) -> ActivitySignUp:
    return await _step(sign_up, "check_in", {"checked_in_at": at or now()}, actor_user_id)


def hours_between(start: datetime, end: datetime) -> Decimal:
    seconds = Decimal(int((end - start).total_seconds()))
    return (seconds / Decimal(3600)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


async def check_out(
    sign_up: ActivitySignUp, *, at: datetime | None = None, actor_user_id: int | None = None
) -> ActivitySignUp:
    moment = at or now()
    if sign_up.checked_in_at is not None and moment <= sign_up.checked_in_at:
        raise ValidationFailedError.one(
            "at", "Check-out comes after check-in", InputErrorCode.ORDER
        )
    hours = hours_between(sign_up.checked_in_at, moment) if sign_up.checked_in_at else None
    return await _step(
        sign_up, "check_out", {"checked_out_at": moment, "hours": hours}, actor_user_id
    )


async def verify_hours(
    sign_up: ActivitySignUp, *, hours: Decimal | None, actor_user_id: int
) -> ActivitySignUp:
    """The organiser confirms (or corrects) the hours; only now do they count."""
    final = sign_up.hours if hours is None else hours
    if final is None or not Decimal(0) <= final <= MAX_HOURS:
        raise ValidationFailedError.one(
            "hours", "Hours must be between 0 and 24", InputErrorCode.OUT_OF_RANGE
        )
    return await _step(
        sign_up,
        "verify",
        {"hours": final, "verified_at": now(), "verified_by_user_id": actor_user_id},
        actor_user_id,
    )


async def cancel_sign_up(
    sign_up: ActivitySignUp, *, actor_user_id: int | None = None
) -> ActivitySignUp:
    async with in_transaction():
        row = await _step(sign_up, "cancel", {}, actor_user_id)
        await Activity.filter(id=sign_up.activity_id).update(taken=F("taken") - 1)
    return row

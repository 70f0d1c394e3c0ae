"""Accounts: creating users, logging in (with lock-out), sessions, logging out."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from domain import login_throttle
from domain.audit import audit
from domain.clock import moment as now
from domain.error_codes import InputErrorCode, RequestErrorCode
from domain.errors import ConflictError, DomainError, ValidationFailedError
from domain.passwords import SESSION_PREFIX, hash_password, new_secret, secret_hash, verify_password
from domain.validation import clean_phone
from models.auth import Session, User
from permissions import viewer_cache
from permissions.viewer import Viewer

SESSION_LIFETIME = timedelta(days=7)
MIN_PASSWORD_LENGTH = 8


class LoginFailed(DomainError):
    """Wrong login or password, or locked: the message never says which."""

    code = RequestErrorCode.LOGIN_FAILED

    def __init__(self) -> None:
        super().__init__("Wrong login or password, or too many attempts; try again later")


async def create_user(
    *,
    username: str,
    password: str,
    phone: str | None = None,
    person_id: int | None = None,
    department_id: int | None = None,
    actor: Viewer | None = None,
) -> User:
    """A new active account, audited as ``user.create`` (never with its password hash)."""
    username = username.strip()
    if not 3 <= len(username) <= 50:
        raise ValidationFailedError.one("username", "Between 3 and 50 characters")
    check_password(password)
    phone = clean_phone(phone, field="phone") if phone else None
    if await User.filter(username=username).exists():
        raise ConflictError(f"The username {username!r} is taken")
    if phone and await User.filter(phone=phone).exists():
        raise ConflictError("That phone number already has an account")
    async with in_transaction():
        user = await User.create(
            username=username,
            phone=phone,
            password_hash=hash_password(password),
            person_id=person_id,
            department_id=department_id,
        )
        await audit(actor, "user.create", f"User:{user.id}", after=describe_user(user))
    return user


def check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailedError.one(
            field, f"At least {MIN_PASSWORD_LENGTH} characters", InputErrorCode.TOO_SHORT
        )


def describe_user(user: User) -> dict[str, object]:
    """What the audit log keeps of an account: never the password hash."""
    return {
        "username": user.username,
        "phone": user.phone,
        "person_id": user.person_id,
        "department_id": user.department_id,
        "is_active": user.is_active,
    }


async def login(
    *, login: str, password: str, address: str | None = None
) -> tuple[User, str, datetime]:
    """Check the password and open a session: ``(user, token, expires_at)``.

    Failures are throttled per (login, client address) and per address
    (``domain/login_throttle.py``), whether or not the account exists; a throttled try is
    refused before the password is checked, with the same error as a wrong password.
    """
    login = login.strip()
    if await login_throttle.waiting_until(login, address) is not None:
        raise LoginFailed()
    user = await User.filter(username=login).first() or await User.filter(phone=login).first()
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.is_active:
        async with in_transaction():
            await login_throttle.record_failure(login, address)
        raise LoginFailed()
    async with in_transaction():
        await login_throttle.record_success(login, address)
        token, expires_at = await open_session(user)
    return user, token, expires_at


async def open_session(user: User) -> tuple[str, datetime]:
    """A new session of ``user`` (whose credentials were checked): ``(token, expires_at)``."""
    token = new_secret(SESSION_PREFIX)
    expires_at = now() + SESSION_LIFETIME
    await Session.create(user=user, token_hash=secret_hash(token), expires_at=expires_at)
    return token, expires_at


async def logout(*, token: str) -> bool:
    updated = await Session.filter(token_hash=secret_hash(token), revoked_at__isnull=True).update(
        revoked_at=now()
    )
    viewer_cache.forget_all()
    return updated > 0


async def logout_everywhere(*, user_id: int) -> int:
    """End every live session of a user; return how many."""
    ended: int = await Session.filter(user_id=user_id, revoked_at__isnull=True).update(
        revoked_at=now()
    )
    viewer_cache.forget_all()
    return ended


async def live_session(token: str) -> Session | None:
    """The live session of a token, with its active user; None if unknown, expired, revoked
    or its user deactivated."""
    session = (
        await Session.filter(
            token_hash=secret_hash(token), revoked_at__isnull=True, expires_at__gt=now()
        )
        .select_related("user")
        .first()
    )
    if session is None or not session.user.is_active:
        return None
    return session

"""Accounts, sessions, roles held in places, API tokens, and the audit log."""

from typing import Any

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from models.enums.roles import Role
from models.grid import GridNode
from models.org import Department
from models.people import Person


class User(Model):
    """A login account, tied to a person (residents, workers, cadres) or a department."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=50, unique=True, description="Login name")
    phone = fields.CharField(max_length=20, null=True, unique=True, description="Login phone")
    password_hash = fields.CharField(max_length=200, description="argon2id hash")
    person: fields.ForeignKeyNullableRelation[Person] = fields.ForeignKeyField(
        "models.Person",
        related_name="users",
        null=True,
        on_delete=fields.RESTRICT,
        description="The person this account belongs to",
    )
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="users",
        null=True,
        on_delete=fields.RESTRICT,
        description="The department this responder account belongs to",
    )
    is_active = fields.BooleanField(default=True, description="False once disabled")
    failed_logins = fields.IntField(default=0, description="Failed logins since the last success")
    locked_until = fields.DatetimeField(null=True, description="No login before this moment")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was created")

    person_id: int | None
    department_id: int | None

    class Meta:
        table = "user_account"
        indexes = (Index(fields=("is_active", "id")),)


class LoginAttempt(Model):
    """Failed logins per (login name, client address), and per address across all names
    (``login`` empty), whether or not such an account exists (``domain/login_throttle.py``)."""

    id = fields.IntField(primary_key=True)
    login = fields.CharField(max_length=50, description="Username or phone tried (empty: any name)")
    address = fields.CharField(
        max_length=64, default="unknown", description="The client address the tries came from"
    )
    failures = fields.IntField(default=0, description="Failures since the last success")
    last_failure_at = fields.DatetimeField(null=True, description="When the last failure was")
    locked_until = fields.DatetimeField(null=True, description="No login before this moment")

    class Meta:
        table = "login_attempt"
        unique_together = (("login", "address"),)


class Session(Model):
    """A bearer session of a user, of which only the token's hash is stored."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.CASCADE, description="The user"
    )
    token_hash = fields.CharField(max_length=64, unique=True, description="SHA-256 of the token")
    expires_at = fields.DatetimeField(description="When it stops working")
    revoked_at = fields.DatetimeField(null=True, description="When it was logged out")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was issued")

    user_id: int

    class Meta:
        table = "user_session"


class ApiToken(Model):
    """A partner app's token: acts as the roles and places an admin gave it, within its scopes."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True, description="What the token is for")
    prefix = fields.CharField(max_length=16, unique=True, description="Recognisable public part")
    secret_hash = fields.CharField(max_length=64, unique=True, description="SHA-256 of the secret")
    read_scopes: Any = fields.JSONField(default=list, description="Areas it may read")
    write_scopes: Any = fields.JSONField(default=list, description="Areas it may change")
    expires_at = fields.DatetimeField(description="When it stops working")
    revoked_at = fields.DatetimeField(null=True, description="When it was revoked")
    last_used_at = fields.DatetimeField(null=True, description="When it was last used")
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="tokens_created",
        null=True,
        on_delete=fields.RESTRICT,
        description="The admin who created it",
    )
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was created")

    created_by_id: int | None

    class Meta:
        table = "api_token"


class RoleAssignment(Model):
    """A role held in a place by a user or a token: a grid node (its subtree) or a department."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="role_assignments",
        null=True,
        on_delete=fields.CASCADE,
        description="The user holding it",
    )
    token: fields.ForeignKeyNullableRelation[ApiToken] = fields.ForeignKeyField(
        "models.ApiToken",
        related_name="role_assignments",
        null=True,
        on_delete=fields.CASCADE,
        description="The API token holding it",
    )
    role = fields.CharEnumField(Role, max_length=32, description="The role held")
    grid: fields.ForeignKeyNullableRelation[GridNode] = fields.ForeignKeyField(
        "models.GridNode",
        related_name="role_assignments",
        null=True,
        on_delete=fields.RESTRICT,
        description="The place it holds in (with its subtree)",
    )
    department: fields.ForeignKeyNullableRelation[Department] = fields.ForeignKeyField(
        "models.Department",
        related_name="role_assignments",
        null=True,
        on_delete=fields.RESTRICT,
        description="The department it holds in",
    )
    global_scope = fields.BooleanField(default=False, description="Holds everywhere (admins)")
    created_at = fields.DatetimeField(auto_now_add=True, description="When it was given")

    user_id: int | None
    token_id: int | None
    grid_id: int | None
    department_id: int | None

    class Meta:
        table = "role_assignment"
        indexes = (
            Index(fields=("user_id",)),
            Index(fields=("token_id",)),
            Index(fields=("role", "id")),
        )


class AuditEntry(Model):
    """An append-only record of an admin action or a change to roles, policies or tokens."""

    id = fields.IntField(primary_key=True)
    actor_user_id = fields.IntField(null=True, description="Who did it")
    actor_token_id = fields.IntField(null=True, description="Or which token did it")
    action = fields.CharField(max_length=64, description="What was done, e.g. role.assign")
    target = fields.CharField(max_length=100, description="What it was done to, e.g. User:7")
    before: Any = fields.JSONField(null=True, description="The target before")
    after: Any = fields.JSONField(null=True, description="The target after")
    created_at = fields.DatetimeField(auto_now_add=True, description="When")

    class Meta:
        table = "audit_entry"
        indexes = (Index(fields=("target", "id")), Index(fields=("action", "id")))

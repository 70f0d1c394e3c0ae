"""Who is asking: an anonymous visitor, a logged-in user, or a partner app's API token."""

from __future__ import annotations

from dataclasses import dataclass, field

from permissions.enums import Role

ADMIN_DOMAIN = "/"
DEPARTMENT_PREFIX = "dept:"


@dataclass(frozen=True)
class Grant:
    """A role held in a place: a grid path (the whole subtree) or a department domain."""

    role: Role
    domain: str

    @property
    def department_id(self) -> int | None:
        if self.domain.startswith(DEPARTMENT_PREFIX):
            return int(self.domain[len(DEPARTMENT_PREFIX) :])
        return None


@dataclass(frozen=True)
class Viewer:
    """The caller of one request, with every grant it holds."""

    subject: str = "anonymous"
    user_id: int | None = None
    token_id: int | None = None
    person_id: int | None = None
    grants: tuple[Grant, ...] = ()
    # For API tokens: the areas (Resource values) it may read and write; None for users.
    read_scopes: frozenset[str] | None = None
    write_scopes: frozenset[str] | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None and self.token_id is None

    @property
    def is_admin(self) -> bool:
        return any(g.role is Role.ADMIN and g.domain == ADMIN_DOMAIN for g in self.grants)

    @property
    def department_ids(self) -> tuple[int, ...]:
        return tuple(d for g in self.grants if (d := g.department_id) is not None)


ANONYMOUS = Viewer()

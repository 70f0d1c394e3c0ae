"""The User and RoleAssignment nodes: who may sign in, and the roles they hold in places."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from domain.validation import mask_phone
from models.auth import RoleAssignment, User
from models.grid import GridNode
from models.org import Department
from models.people import Household, Person
from permissions.enums import Resource, Role
from permissions.rows import visible
from permissions.scope import may_see_personal
from permissions.viewer import ADMIN_DOMAIN
from schema.accounts import enums as _enums  # noqa: F401  (registers the enums)
from schema.accounts.department import DepartmentType
from schema.context import Info
from schema.grid.types import GridType
from schema.people.types import HouseholdType, PersonType
from schema.relay import Node, register_node, to_global_id
from schema.visibility import visible_by_id


@strawberry.type(
    name="RoleAssignment",
    description="A role held in a place: a grid node (its whole subtree), a department, or everywhere.",
)
class RoleAssignmentType(Node):
    role: Role = strawberry.field(description="The role held.")
    everywhere: bool = strawberry.field(description="Held in every place (admins only).")
    created_at: datetime = strawberry.field(description="When it was given.")
    model: strawberry.Private[RoleAssignment]

    @classmethod
    def from_model(cls, row: RoleAssignment) -> RoleAssignmentType:
        return cls(
            id=to_global_id("RoleAssignment", row.id),
            role=row.role,
            everywhere=row.global_scope,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(description="The grid node it holds in, with its subtree; null otherwise.")
    async def grid(self, info: Info) -> GridType | None:
        if self.model.grid_id is None:
            return None
        row = await info.context.loaders.by_id(GridNode).load(self.model.grid_id)
        return GridType.from_model(row) if row else None

    @strawberry.field(description="The account holding it; null for an API token's.")
    async def user(self, info: Info) -> UserType | None:
        if self.model.user_id is None:
            return None
        found: list[UserType | None] = await fetch_users(info, [self.model.user_id])
        return found[0]

    @strawberry.field(description="The department it holds in; null otherwise.")
    async def department(self, info: Info) -> DepartmentType | None:
        if self.model.department_id is None:
            return None
        row = await info.context.loaders.by_id(Department).load(self.model.department_id)
        return DepartmentType.from_model(row) if row else None


@strawberry.type(
    name="User",
    description="A login account, tied to a person (residents, workers, cadres) or a department.",
)
class UserType(Node):
    username: str = strawberry.field(description="Login name.")
    is_active: bool = strawberry.field(description="False once an admin deactivated it.")
    created_at: datetime = strawberry.field(description="When it was created.")
    model: strawberry.Private[User]

    @classmethod
    def from_model(cls, row: User) -> UserType:
        return cls(
            id=to_global_id("User", row.id),
            username=row.username,
            is_active=row.is_active,
            created_at=row.created_at,
            model=row,
        )

    @strawberry.field(
        description="Login phone: whole for the account holder and admins, else masked (138****5678)."
    )
    def phone(self, info: Info) -> str | None:
        phone = self.model.phone
        if phone is None:
            return None
        viewer = info.context.viewer
        if viewer.user_id == self.model.id or may_see_personal(
            viewer, Resource.USER, ADMIN_DOMAIN, self.model.person_id
        ):
            return phone
        return mask_phone(phone)

    @strawberry.field(description="Global ID of the person this account belongs to, if any.")
    def person_id(self) -> strawberry.ID | None:
        pk = self.model.person_id
        return to_global_id("Person", pk) if pk is not None else None

    async def _person(self, info: Info) -> Person | None:
        if self.model.person_id is None:
            return None
        return await visible_by_id(info, Person).load(self.model.person_id)

    @strawberry.field(
        description="The person this account belongs to, if you may see them (the account "
        "holder always may: `me { person { name } }`); null for a department's account."
    )
    async def person(self, info: Info) -> PersonType | None:
        row = await self._person(info)
        return PersonType.from_model(row) if row else None

    @strawberry.field(
        description="The household of the account's person, if they belong to one you may see."
    )
    async def household(self, info: Info) -> HouseholdType | None:
        person = await self._person(info)
        if person is None or person.household_id is None:
            return None
        row = await visible_by_id(info, Household).load(person.household_id)
        return HouseholdType.from_model(row) if row else None

    @strawberry.field(
        description="Where the account's person lives (the smallest grid node known, usually "
        "their building), if you may see the person."
    )
    async def home(self, info: Info) -> GridType | None:
        person = await self._person(info)
        if person is None:
            return None
        row = await visible_by_id(info, GridNode).load(person.place_id)
        return GridType.from_model(row) if row else None

    @strawberry.field(description="The department of a responder's account, if any.")
    async def department(self, info: Info) -> DepartmentType | None:
        if self.model.department_id is None:
            return None
        row = await info.context.loaders.by_id(Department).load(self.model.department_id)
        return DepartmentType.from_model(row) if row else None

    @strawberry.field(description="The roles this account holds, and where, oldest first.")
    async def role_assignments(self, info: Info) -> list[RoleAssignmentType]:
        # Whoever sees the account sees its roles: an admin, or the holder themself.
        rows = await info.context.loaders.children(RoleAssignment, "user_id").load(self.model.id)
        return [RoleAssignmentType.from_model(r) for r in rows]


async def fetch_users(info: Any, ids: list[int]) -> list[Any]:
    rows = {r.id: r for r in await visible(User, info.context.viewer).filter(id__in=ids)}
    return [UserType.from_model(rows[i]) if i in rows else None for i in ids]


async def fetch_assignments(info: Any, ids: list[int]) -> list[Any]:
    query = visible(RoleAssignment, info.context.viewer).filter(id__in=ids)
    rows = {r.id: r for r in await query}
    return [RoleAssignmentType.from_model(rows[i]) if i in rows else None for i in ids]


register_node("User", fetch_users)
register_node("RoleAssignment", fetch_assignments)

"""The permission names as GraphQL enums: role, resource (area) and action of a policy rule."""

import strawberry

from permissions.enums import Action, Resource, Role

RoleEnum = strawberry.enum(Role, description="A role, always held in a place.")
ResourceEnum = strawberry.enum(
    Resource, description="An area of the system a policy rule or a token scope is about."
)
ActionEnum = strawberry.enum(Action, description="What a policy rule allows to be done.")

"""Accounts, roles, policy rules, departments and API tokens: their mutations (each in its own
module under ``schema/mutations/``)."""

from __future__ import annotations

import strawberry

from schema.mutations.add_policy_rule import add_policy_rule
from schema.mutations.assign_role import assign_role
from schema.mutations.create_api_token import create_api_token
from schema.mutations.create_department import create_department
from schema.mutations.create_user import create_user
from schema.mutations.login import login
from schema.mutations.logout import logout
from schema.mutations.remove_policy_rule import remove_policy_rule
from schema.mutations.revoke_api_token import revoke_api_token
from schema.mutations.revoke_role import revoke_role
from schema.mutations.update_department import update_department
from schema.mutations.update_user import update_user


@strawberry.type
class AccountMutations:
    login = strawberry.mutation(
        resolver=login, description="Sign in: a session token for a username or phone and password."
    )
    logout = strawberry.mutation(
        resolver=logout, description="End this session (or every session of the caller)."
    )
    create_user = strawberry.mutation(
        resolver=create_user, description="Open a login account (admins)."
    )
    update_user = strawberry.mutation(
        resolver=update_user,
        description="Activate, deactivate or reset the password of an account (admins).",
    )
    assign_role = strawberry.mutation(
        resolver=assign_role, description="Give a user a role in a place (admins)."
    )
    revoke_role = strawberry.mutation(
        resolver=revoke_role, description="Take a role assignment away (admins)."
    )
    add_policy_rule = strawberry.mutation(
        resolver=add_policy_rule, description="Add a role-level policy rule (admins)."
    )
    remove_policy_rule = strawberry.mutation(
        resolver=remove_policy_rule, description="Remove a role-level policy rule (admins)."
    )
    create_department = strawberry.mutation(
        resolver=create_department, description="Record a department (admins)."
    )
    update_department = strawberry.mutation(
        resolver=update_department, description="Change a department (admins)."
    )
    create_api_token = strawberry.mutation(
        resolver=create_api_token,
        description="Create a partner app's API token; its secret is shown once (admins).",
    )
    revoke_api_token = strawberry.mutation(
        resolver=revoke_api_token, description="Revoke an API token (admins)."
    )

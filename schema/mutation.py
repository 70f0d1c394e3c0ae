"""The root Mutation: every mutation takes one ``input`` and returns a result union."""

from __future__ import annotations

import strawberry

from schema.cases.mutation import CaseMutations
from schema.lists.mutations import ListMutations
from schema.meetings.mutations import MeetingMutations
from schema.mutations.add_policy_rule import add_policy_rule
from schema.mutations.assign_role import assign_role
from schema.mutations.create_api_token import create_api_token
from schema.mutations.create_department import create_department
from schema.mutations.create_grid import create_grid
from schema.mutations.create_user import create_user
from schema.mutations.login import login
from schema.mutations.logout import logout
from schema.mutations.merge_grids import merge_grids
from schema.mutations.move_grid import move_grid
from schema.mutations.remove_policy_rule import remove_policy_rule
from schema.mutations.rename_grid import rename_grid
from schema.mutations.revoke_api_token import revoke_api_token
from schema.mutations.revoke_role import revoke_role
from schema.mutations.update_department import update_department
from schema.mutations.update_user import update_user
from schema.patrols.mutations import PatrolMutations
from schema.people.mutations import PeopleMutations
from schema.volunteering.mutations import VolunteeringMutations


@strawberry.type(description="Every change minqing accepts.")
class Mutation(
    PeopleMutations,
    CaseMutations,
    ListMutations,
    PatrolMutations,
    MeetingMutations,
    VolunteeringMutations,
):
    create_grid = strawberry.mutation(resolver=create_grid, description="Add a place to the tree.")
    rename_grid = strawberry.mutation(resolver=rename_grid, description="Rename a place.")
    move_grid = strawberry.mutation(resolver=move_grid, description="Move a place and its subtree.")
    merge_grids = strawberry.mutation(resolver=merge_grids, description="Merge places into one.")
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

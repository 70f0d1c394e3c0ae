"""Mutations of the three lists, one per file, composed here."""

from __future__ import annotations

import strawberry

from schema.lists.mutations.claim_need import claim_need_mutation
from schema.lists.mutations.confirm_need import confirm_need_mutation
from schema.lists.mutations.create_resource_offer import create_resource_offer_mutation
from schema.lists.mutations.create_service_offer import create_service_offer_mutation
from schema.lists.mutations.fulfil_need import fulfil_need_mutation
from schema.lists.mutations.post_need import post_need_mutation
from schema.lists.mutations.publish_need import publish_need_mutation
from schema.lists.mutations.reject_need import reject_need_mutation
from schema.lists.mutations.release_need import release_need_mutation


@strawberry.type
class ListMutations:
    post_need = strawberry.mutation(
        resolver=post_need_mutation, description="Post a need or micro-wish."
    )
    publish_need = strawberry.mutation(
        resolver=publish_need_mutation, description="Publish a posted need (公示)."
    )
    reject_need = strawberry.mutation(
        resolver=reject_need_mutation, description="Reject a posted need, saying why."
    )
    claim_need = strawberry.mutation(
        resolver=claim_need_mutation, description="Claim a published need (认领)."
    )
    release_need = strawberry.mutation(
        resolver=release_need_mutation, description="Give up a claim; the need is published again."
    )
    fulfil_need = strawberry.mutation(
        resolver=fulfil_need_mutation, description="Record that a claimed need was met."
    )
    confirm_need = strawberry.mutation(
        resolver=confirm_need_mutation,
        description="The resident confirms their need was met (闭合).",
    )
    create_resource_offer = strawberry.mutation(
        resolver=create_resource_offer_mutation, description="Add an entry to the resource list."
    )
    create_service_offer = strawberry.mutation(
        resolver=create_service_offer_mutation, description="Add an entry to the service list."
    )

"""Which needs and offers a viewer may see, and the public need list everyone sees."""

from __future__ import annotations

from tortoise.expressions import Q

from models.enums import PUBLIC_NEED_STATES
from models.lists import Need, NeedEvent, ResourceOffer, ServiceOffer
from permissions.enums import Action, Resource
from permissions.ownership import owned_by
from permissions.rows.registry import board_rows, child_rows, rule
from permissions.scope import scope_clauses
from permissions.viewer import Viewer


@rule(Need)
def named_needs(viewer: Viewer) -> list[Q] | None:
    """Needs with their people's names: workers of the place, the poster, and the claimant."""
    own = owned_by(viewer, person_fields=("poster_person_id", "claimant_person_id"))
    return scope_clauses(
        viewer, Resource.NEED, place_path="place_path", own=own, action=Action.READ_PERSONAL
    )


@rule(ResourceOffer)
def resource_offers(viewer: Viewer) -> list[Q] | None:
    return scope_clauses(
        viewer, Resource.RESOURCE_OFFER, place_path="place_path", public=Q(is_published=True)
    )


@rule(ServiceOffer)
def service_offers(viewer: Viewer) -> list[Q] | None:
    return scope_clauses(
        viewer, Resource.SERVICE_OFFER, place_path="place_path", public=Q(is_published=True)
    )


# The public need list (公示): everyone sees it, without names, phones or addresses.
board_rows(Need, Q(state__in=sorted(PUBLIC_NEED_STATES)))
child_rows(NeedEvent, Need, "need_id")

"""Which needs and offers a caller may see: every list, node fetch and nested edge uses these."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from domain.needs.workflow import PUBLIC_STATES
from models.lists import Need, ResourceOffer, ServiceOffer
from permissions.enums import Action, Resource
from permissions.ownership import owned_by
from permissions.scope import readable_domains, restrict
from permissions.viewer import Viewer


def named_needs(viewer: Viewer) -> QuerySet[Need]:
    """Needs with their people's names: workers of the place, the poster, and the claimant."""
    own = owned_by(viewer, person_fields=("poster_person_id", "claimant_person_id"))
    return restrict(
        Need.all(),
        viewer,
        Resource.NEED,
        place_path="place_path",
        own=own,
        action=Action.READ_PERSONAL,
    )


def public_needs() -> QuerySet[Need]:
    """The public need list (公示): everyone sees it, without names, phones or addresses."""
    return Need.filter(state__in=list(PUBLIC_STATES))


def visible_resource_offers(viewer: Viewer) -> QuerySet[ResourceOffer]:
    return restrict(
        ResourceOffer.all(),
        viewer,
        Resource.RESOURCE_OFFER,
        place_path="place_path",
        public=Q(is_published=True),
    )


def visible_service_offers(viewer: Viewer) -> QuerySet[ServiceOffer]:
    return restrict(
        ServiceOffer.all(),
        viewer,
        Resource.SERVICE_OFFER,
        place_path="place_path",
        public=Q(is_published=True),
    )


def may_somewhere(viewer: Viewer, resource: Resource, action: Action) -> bool:
    """Whether any role the viewer holds may ``action`` at all: residents claim and sign up
    beyond the building their role is held in."""
    return bool(readable_domains(viewer, resource, action))

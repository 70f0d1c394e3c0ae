"""May this viewer take this action on this need? The one answer, asked by the need mutations
(``schema/lists/mutations/*``) and by ``Need.viewerActions``.

The state is the transition table's (``domain/needs/workflow.py``); the rest is who: list
managers of the place publish, reject, release and fulfil; whoever may claim somewhere claims
(as themself; recording a claim for a team, a unit or someone else is list management); the
claimant releases and fulfils their own claim; the resident whose need it is confirms it.
"""

from __future__ import annotations

from domain.errors import PermissionDeniedError
from domain.needs.workflow import TRANSITIONS
from models.enums import NeedAction
from models.lists import Need
from permissions.enums import Action, Resource
from permissions.guard import allowed
from permissions.scope import may_somewhere
from permissions.viewer import Viewer

# At the need's place, unless the viewer is the one the rule names.
_AT_PLACE = {
    NeedAction.PUBLISH: Action.PUBLISH,
    NeedAction.REJECT: Action.REJECT,
    NeedAction.RELEASE: Action.UPDATE,
    NeedAction.FULFIL: Action.FULFIL,
}
_REFUSALS = {
    NeedAction.PUBLISH: "You may not publish need here",
    NeedAction.REJECT: "You may not reject need here",
    NeedAction.CLAIM: "You may not claim needs",
    NeedAction.RELEASE: "You may not update need here",
    NeedAction.FULFIL: "You may not fulfil need here",
    NeedAction.CONFIRM: "Only the resident whose need it is may confirm it",
}


def is_mine(person_id: int | None, owner_id: int | None) -> bool:
    return person_id is not None and person_id == owner_id


def may_manage(viewer: Viewer, need: Need) -> bool:
    """Whether the viewer keeps the need list where the need is (and so may record a claim
    for someone else)."""
    return allowed(viewer, Resource.NEED, Action.UPDATE, need.place_path)


def permitted(viewer: Viewer, need: Need, action: NeedAction) -> bool:
    """Whether the viewer may take ``action`` on ``need``, whatever its state."""
    if action is NeedAction.CLAIM:
        # as oneself, or (without a person of one's own) for a team or unit one records
        return may_somewhere(viewer, Resource.NEED, Action.CLAIM) and (
            viewer.person_id is not None or may_manage(viewer, need)
        )
    if action is NeedAction.CONFIRM:
        return is_mine(viewer.person_id, need.poster_person_id) and may_somewhere(
            viewer, Resource.NEED, Action.CONFIRM
        )
    if action in (NeedAction.RELEASE, NeedAction.FULFIL) and is_mine(
        viewer.person_id, need.claimant_person_id
    ):
        return True
    return allowed(viewer, Resource.NEED, _AT_PLACE[action], need.place_path)


def check(viewer: Viewer, need: Need, action: NeedAction) -> None:
    """``PermissionDeniedError`` unless ``permitted``."""
    if not permitted(viewer, need, action):
        raise PermissionDeniedError(_REFUSALS[action])


def viewer_actions(viewer: Viewer, need: Need) -> list[NeedAction]:
    """The actions the viewer may take on ``need`` now, in the table's order. Claiming is
    offered to whoever may claim, except the resident whose need it is (``claim_need``
    refuses them)."""
    return [
        action
        for action, (sources, _) in TRANSITIONS.items()
        if need.state in sources
        and permitted(viewer, need, action)
        and not (action is NeedAction.CLAIM and is_mine(viewer.person_id, need.poster_person_id))
    ]

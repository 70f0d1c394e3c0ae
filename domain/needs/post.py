"""Posting a need or micro-wish, by the resident or by a worker on their behalf."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from domain.error_codes import InputErrorCode
from domain.errors import ValidationFailedError
from domain.validation import clean_name
from models.enums import ListCategory, NeedAction, NeedKind, NeedState
from models.grid import GridNode
from models.lists import Need, NeedEvent
from models.people import Person


@dataclass(frozen=True)
class NeedDraft:
    """What a new need says; ``place`` defaults to where the poster lives."""

    kind: NeedKind
    category: ListCategory
    title: str
    description: str = ""


async def post_need(
    *,
    draft: NeedDraft,
    poster: Person,
    place: GridNode | None = None,
    actor_user_id: int | None,
    note: str = "",
) -> Need:
    """A new need in state ``posted``, with its first history row."""
    title = clean_name(draft.title, field="title")
    description = draft.description.strip()
    if len(description) > 2000:
        raise ValidationFailedError.one(
            "description", "At most 2000 characters", InputErrorCode.TOO_LONG
        )
    if place is None:
        place = await GridNode.get(id=poster.place_id)
    async with in_transaction():
        need = await Need.create(
            kind=draft.kind,
            category=draft.category,
            title=title,
            description=description,
            place_id=place.id,
            place_path=place.path,
            poster_person_id=poster.id,
            posted_by_user_id=actor_user_id,
            state=NeedState.POSTED,
        )
        await NeedEvent.create(
            need_id=need.id,
            action=NeedAction.POST,
            from_state=None,
            to_state=NeedState.POSTED,
            actor_user_id=actor_user_id,
            note=note,
        )
    return need

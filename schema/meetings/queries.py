"""Query fields of deliberation meetings."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.enums import MeetingKind
from models.meetings import Meeting
from permissions.rows import visible
from schema.args import After, Before, First, Last, PlaceArg
from schema.context import Info
from schema.lookup import filter_to_subtree
from schema.meetings.types import MeetingType
from schema.pagination import Connection, paginate


@strawberry.type
class MeetingQueries:
    @strawberry.field(description="Meetings of your places, newest first.")
    async def meetings(
        self,
        info: Info,
        place_id: PlaceArg = None,
        kind: Annotated[
            MeetingKind | None, strawberry.argument(description="Only this kind.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[MeetingType]:
        query = visible(Meeting, info.context.viewer)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        if kind is not None:
            query = query.filter(kind=kind)
        return await paginate(
            query,
            MeetingType.from_model,
            first=first,
            after=after,
            last=last,
            before=before,
            newest_first=True,
        )

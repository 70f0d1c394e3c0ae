"""Query fields of deliberation meetings."""

from __future__ import annotations

from typing import Annotated

import strawberry

from models.enums import MeetingKind
from models.meetings import Meeting
from permissions.rows import visible
from schema.args import PlaceArg
from schema.context import Info
from schema.lookup import filter_to_subtree
from schema.meetings.types import MeetingType
from schema.pagination import Connection, Page, connection, paginate


@strawberry.type
class MeetingQueries:
    @connection(
        description="Meetings of your places, newest first.", backwards=True, newest_first=True
    )
    async def meetings(
        self,
        info: Info,
        page: Page,
        place_id: PlaceArg = None,
        kind: Annotated[
            MeetingKind | None, strawberry.argument(description="Only this kind.")
        ] = None,
    ) -> Connection[MeetingType]:
        query = visible(Meeting, info.context.viewer)
        query = await filter_to_subtree(
            info, query, place_id, field="placeId", path_field="place_path"
        )
        if kind is not None:
            query = query.filter(kind=kind)
        return await paginate(query, MeetingType.from_model, page)

"""Argument annotations shared by connection fields (each with its description)."""

from typing import Annotated

import strawberry

First = Annotated[
    int | None,
    strawberry.argument(description="Page forwards: at most this many (≤ 100, default 20)."),
]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor.")]
Last = Annotated[
    int | None, strawberry.argument(description="Page backwards: at most this many (≤ 100).")
]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor.")]
PlaceArg = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only this place and all under it.")
]

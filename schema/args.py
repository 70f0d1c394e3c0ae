"""Argument annotations shared by list fields (each with its description)."""

from typing import Annotated

import strawberry

PlaceArg = Annotated[
    strawberry.ID | None, strawberry.argument(description="Only this place and all under it.")
]

"""The typed per-request context every resolver receives as ``info.context``; ``api/`` builds
one per request (the view's ``get_context``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import ExecutionContext
from strawberry.types import Info as StrawberryInfo

from permissions.viewer import Viewer
from schema.loaders import Loaders


class Guard(Protocol):
    """What one request may do (``api.ratelimit.RequestGuard``): read the schema
    (introspection) and spend rate-limit points (None: spent; else seconds to wait)."""

    introspection: bool
    spent: bool

    async def spend(self, points: int) -> float | None: ...


@dataclass
class Context:
    """Who is asking (``viewer``), the request's loaders, its id (in logs and the
    ``X-Request-ID`` header) and its guard (introspection, rate-limit points)."""

    request: Request | None
    response: Response | None
    viewer: Viewer
    guard: Guard
    loaders: Loaders = field(default_factory=Loaders)
    request_id: str = ""
    upload_dir: Path = Path("data/uploads")  # where attached files are stored (settings)
    # The operation being run (its name, its document), for log lines and metrics.
    execution: ExecutionContext | None = None


Info = StrawberryInfo[Context, None]

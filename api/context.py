"""The typed per-request context every resolver receives as ``info.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import ExecutionContext
from strawberry.types import Info as StrawberryInfo

from api.loaders import Loaders
from api.ratelimit import RequestGuard
from permissions.viewer import Viewer


@dataclass
class Context:
    """Who is asking (``viewer``), the request's loaders, its id (in logs and the
    ``X-Request-ID`` header) and its guard (introspection, rate-limit points)."""

    request: Request | None
    response: Response | None
    viewer: Viewer
    loaders: Loaders = field(default_factory=Loaders)
    request_id: str = ""
    guard: RequestGuard = field(default_factory=RequestGuard)
    upload_dir: Path = Path("data/uploads")  # where attached files are stored (settings)
    # The operation being run (its name, its document), for log lines and metrics.
    execution: ExecutionContext | None = None


Info = StrawberryInfo[Context, None]

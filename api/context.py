"""The typed per-request context every resolver receives as ``info.context``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from starlette.requests import Request
from starlette.responses import Response
from strawberry.types import Info as StrawberryInfo

from api.loaders import Loaders
from permissions.viewer import Viewer


@dataclass
class Context:
    """Who is asking (``viewer``), and the request's loaders."""

    request: Request | None
    response: Response | None
    viewer: Viewer
    loaders: Loaders = field(default_factory=Loaders)
    request_id: str = ""
    upload_dir: Path = Path("data/uploads")  # where attached files are stored (settings)


Info = StrawberryInfo[Context, None]

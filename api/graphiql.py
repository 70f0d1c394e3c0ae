"""GraphiQL, the admins' console: the page, opened on the example operations, and its assets.

Every script and stylesheet the page loads is vendored under ``api/static/graphiql/`` (see its
NOTICE.md) and served by minqing at ``/graphql/static/``: street offices and intranets have no
way out to a CDN. The assets are public, as on any CDN: they hold no data, and the page itself
stays admins-only in production (``MinqingGraphQL.render_graphql_ide``).
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Scope

from api.graphiql_examples import EXAMPLE_DOCUMENT, EXAMPLE_VARIABLES_JSON

ASSETS = Path(__file__).parent / "static" / "graphiql"
STATIC_PATH = "/graphql/static"
PAGE = Path(__file__).parent / "graphiql.html"

# Each asset's folder names its version, so a URL never changes content: cache it for a year.
CACHE_FOREVER = "public, max-age=31536000, immutable"


class VersionedAssets(StaticFiles):
    """Static files under versioned folders, cached by browsers for a year."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["Cache-Control"] = CACHE_FOREVER
        return response


def graphiql_assets() -> ASGIApp:
    """The ASGI app serving the vendored assets (gzipped: GraphiQL's bundle is 3.5 MB raw)."""
    return GZipMiddleware(VersionedAssets(directory=ASSETS), minimum_size=1024)


def _script_literal(value: str) -> str:
    """``value`` as a JavaScript string literal that cannot close its ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


@cache
def graphiql_html(root_path: str = "") -> str:
    """The GraphiQL page for an app mounted at ``root_path`` (behind a proxy's prefix)."""
    return (
        PAGE.read_text(encoding="utf-8")
        .replace("{{static}}", f"{root_path}{STATIC_PATH}")
        .replace("{{document}}", _script_literal(EXAMPLE_DOCUMENT))
        .replace("{{variables}}", _script_literal(EXAMPLE_VARIABLES_JSON))
    )

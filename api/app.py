"""The Starlette application: ``/graphql`` (strawberry), GraphiQL's assets, ``/healthz`` and
``/metrics``."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from tortoise import Tortoise
from tortoise.contrib.starlette import RegisterTortoise

from api.db import tortoise_config
from api.graphiql import STATIC_PATH, graphiql_assets
from api.graphql_view import MinqingGraphQL
from api.metrics import metrics_endpoint, metrics_server, note_unexpected
from api.periodic import periodic_sweep
from api.settings import Settings, get_settings
from permissions.enforcer import reload
from schema.schema import schema


async def healthz(request: Request) -> Response:
    try:
        await Tortoise.get_connection("default").execute_query("SELECT 1")
    except Exception as exc:
        note_unexpected(exc)
        return JSONResponse(
            {"status": "unavailable", "database": type(exc).__name__}, status_code=503
        )
    return JSONResponse({"status": "ok", "database": "ok"})


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """The ASGI app; ``manage_database=False`` leaves opening the database to the caller (tests)."""
    settings = settings or get_settings()
    view = MinqingGraphQL(schema, settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            if not manage_database:
                yield
                return
            async with (
                RegisterTortoise(app, config=tortoise_config(settings.database_url)),
                periodic_sweep(settings.sweep_interval_seconds),
            ):
                with metrics_server(settings.metrics_address):
                    await reload()  # the policy before the first request, not on a herd of them
                    # What start-up built lives as long as the process: keep the collector from
                    # walking it again (each full collection of it stalled requests for ~90 ms).
                    gc.freeze()
                    yield
        finally:
            await view.aclose()

    routes: list[BaseRoute] = [
        Route("/graphql", view),  # the view answers other methods: 405 with a code
        Route("/healthz", healthz, methods=["GET"]),
        Route("/metrics", metrics_endpoint, methods=["GET"]),
    ]
    if settings.graphiql:
        routes.append(Mount(STATIC_PATH, app=graphiql_assets(), name="graphiql-assets"))
    return Starlette(routes=routes, lifespan=lifespan)

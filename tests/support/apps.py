"""The app with settings of a test's choosing, over in-process HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from starlette.types import ASGIApp

from api.app import create_app
from api.settings import load_settings
from tests.support.graphql import GraphQLClient

PRODUCTION = {"MINQING_ENVIRONMENT": "production", "MINQING_SECRET_KEY": "test-secret"}


@asynccontextmanager
async def client_for(app: ASGIApp, address: str = "127.0.0.1") -> AsyncIterator[GraphQLClient]:
    """``app`` over in-process HTTP, as a client calling from ``address``."""
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)


@asynccontextmanager
async def app_with(database_url: str, **env: str) -> AsyncIterator[GraphQLClient]:
    """The real app on ``database_url`` with extra ``MINQING_*`` settings."""
    settings = load_settings({"MINQING_DATABASE_URL": database_url, **env})
    async with client_for(create_app(settings, manage_database=False)) as client:
        yield client

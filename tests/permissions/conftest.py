"""The app without its rate limit, for tests that try every action of every actor."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.settings import load_settings
from tests.support.graphql import GraphQLClient


@pytest.fixture
async def unlimited(db: str, tmp_path: Path) -> AsyncIterator[GraphQLClient]:
    """The app without its rate limit: one actor's cells are some thousand requests."""
    settings = load_settings(
        {
            "MINQING_DATABASE_URL": db,
            "MINQING_UPLOAD_DIR": str(tmp_path / "uploads"),
            "MINQING_RATE_LIMIT_PER_SECOND": "0",
        }
    )
    transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield GraphQLClient(http)

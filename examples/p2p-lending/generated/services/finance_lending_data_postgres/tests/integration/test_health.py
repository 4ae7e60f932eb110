"""Liveness and readiness endpoints."""

from collections.abc import AsyncIterator

import httpx
import pytest

from src.core.config import Settings
from src.main import create_app
from tests.helpers import assert_problem


async def test_health_is_200(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_is_200_when_the_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


@pytest.fixture
async def unreachable_database_client() -> AsyncIterator[httpx.AsyncClient]:
    """Client on an app whose PostgreSQL server does not answer."""
    app = create_app(Settings(database_url="postgresql+asyncpg://nobody:secret@127.0.0.1:1/missing"))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_ready_is_a_503_problem_when_the_database_is_down(
    unreachable_database_client: httpx.AsyncClient,
) -> None:
    response = await unreachable_database_client.get("/ready")

    assert_problem(response, 503)
    assert (await unreachable_database_client.get("/health")).status_code == 200

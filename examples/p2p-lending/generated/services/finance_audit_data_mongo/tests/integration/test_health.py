"""Liveness and readiness endpoints."""

import httpx
import pytest

from tests.helpers import assert_problem


async def test_health_is_200(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_is_200_when_the_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


@pytest.mark.usefixtures("server_gone")
async def test_ready_is_a_503_problem_when_the_database_is_down(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")

    assert_problem(response, 503)
    assert (await client.get("/health")).status_code == 200

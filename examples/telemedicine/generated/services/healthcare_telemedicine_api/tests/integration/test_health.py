"""Liveness and readiness endpoints."""

import httpx
from tests.helpers import assert_problem


async def test_health_is_200(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_is_200_when_every_data_service_is_healthy(client: httpx.AsyncClient) -> None:
    response = await client.get("/ready")

    assert response.status_code == 200, response.text
    assert response.json() == {"status": "ready"}


async def test_ready_is_a_503_problem_when_a_data_service_is_down(unreachable_client: httpx.AsyncClient) -> None:
    response = await unreachable_client.get("/ready")

    body = assert_problem(response, 503)
    assert "healthcare_telemedicine_data_postgres" in body["detail"]
    assert (await unreachable_client.get("/health")).status_code == 200

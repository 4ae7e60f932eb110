"""Liveness and readiness endpoints."""

import httpx

from src.core.config import Settings
from src.main import create_app
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
    assert "finance_lending_data_postgres" in body["detail"]
    assert "finance_audit_data_mongo" in body["detail"]
    assert (await unreachable_client.get("/health")).status_code == 200


async def test_ready_is_a_503_problem_when_redis_is_down(data_http_clients: dict[str, httpx.AsyncClient]) -> None:
    application = create_app(Settings(redis_url="redis://127.0.0.1:9/0"), http_clients=data_http_clients)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http_client:
            response = await http_client.get("/ready")

    body = assert_problem(response, 503)
    assert "Redis" in body["detail"]

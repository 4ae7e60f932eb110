"""CORS: origins of ``CORS_ORIGINS`` may call the service from a browser, every other origin may not."""

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from src.core.config import Settings
from src.main import create_app
from tests.helpers import AUTH_HEADERS

ALLOWED_ORIGIN = "https://app.example.com"
SECOND_ORIGIN = "https://admin.example.com"
OTHER_ORIGIN = "https://elsewhere.example.net"


def preflight_headers(origin: str) -> dict[str, str]:
    """The headers a browser sends before a cross-origin POST with a JSON body and a request id."""
    return {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-request-id",
    }


@pytest.fixture
async def cors_client(
    data_http_clients: dict[str, httpx.AsyncClient],
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncIterator[httpx.AsyncClient]:
    """The service with ``CORS_ORIGINS`` set in the environment as a comma-separated list."""
    monkeypatch.setenv("CORS_ORIGINS", f"{ALLOWED_ORIGIN}, {SECOND_ORIGIN}")
    application = create_app(Settings(), http_clients=data_http_clients)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://test",
            headers=AUTH_HEADERS,
        ) as http_client:
            yield http_client


async def test_preflight_from_an_allowed_origin_is_answered(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.options(
        "/api/v1/borrowers",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/lenders",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/loan-applications",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/investments",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/repayments",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/credit-score-records",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()
    response = await cors_client.options(
        "/api/v1/audit-log-entries",
        headers=preflight_headers(ALLOWED_ORIGIN),
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-request-id" in response.headers["access-control-allow-headers"].lower()


async def test_preflight_from_another_origin_is_refused(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.options(
        "/api/v1/borrowers",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/lenders",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/loan-applications",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/investments",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/repayments",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/credit-score-records",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers
    response = await cors_client.options(
        "/api/v1/audit-log-entries",
        headers=preflight_headers(OTHER_ORIGIN),
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_requests_carry_the_header_for_allowed_origins_only(cors_client: httpx.AsyncClient) -> None:
    allowed = await cors_client.get(
        "/api/v1/borrowers",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/borrowers",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/lenders",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/lenders",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/loan-applications",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/loan-applications",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/investments",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/investments",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/repayments",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/repayments",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/credit-score-records",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/credit-score-records",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers
    allowed = await cors_client.get(
        "/api/v1/audit-log-entries",
        headers={"Origin": SECOND_ORIGIN},
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SECOND_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"].lower()
    other = await cors_client.get(
        "/api/v1/audit-log-entries",
        headers={"Origin": OTHER_ORIGIN},
    )
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers


async def test_errors_carry_the_header_too(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.get("/api/v1/no-such-resource", headers={"Origin": ALLOWED_ORIGIN})

    assert response.status_code == 404
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


async def test_cors_is_off_without_origins(client: httpx.AsyncClient) -> None:
    preflight = await client.options("/api/v1/no-such-resource", headers=preflight_headers(ALLOWED_ORIGIN))
    response = await client.get("/api/v1/no-such-resource", headers={"Origin": ALLOWED_ORIGIN})

    assert "access-control-allow-origin" not in preflight.headers
    assert "access-control-allow-origin" not in response.headers


def test_origins_are_read_as_a_json_array_or_a_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", json.dumps([ALLOWED_ORIGIN, SECOND_ORIGIN]))
    assert Settings().cors_origins == [ALLOWED_ORIGIN, SECOND_ORIGIN]

    monkeypatch.setenv("CORS_ORIGINS", f" {ALLOWED_ORIGIN} ,,{SECOND_ORIGIN},")
    assert Settings().cors_origins == [ALLOWED_ORIGIN, SECOND_ORIGIN]

    monkeypatch.setenv("CORS_ORIGINS", "")
    assert Settings().cors_origins == []

"""``/api/v1`` needs an ``X-API-Key`` from ``API_KEYS``; health, readiness, metrics and the docs do not."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from shared.security.api_keys import API_KEY_HEADER, api_key_fingerprint, find_api_key, parse_api_keys
from src.core.config import Settings
from src.main import create_app
from tests import TEST_API_KEY
from tests.helpers import assert_problem

ENTITY_PATHS = [
    "/api/v1/borrowers",
    "/api/v1/lenders",
    "/api/v1/loan-applications",
    "/api/v1/investments",
    "/api/v1/repayments",
    "/api/v1/credit-score-records",
    "/api/v1/audit-log-entries",
]


@pytest.fixture
async def anonymous(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """A client of this service sending no credentials."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-lending-api",
    ) as http_client:
        yield http_client


async def test_a_request_without_a_key_is_refused(anonymous: httpx.AsyncClient) -> None:
    for path in ENTITY_PATHS:
        response = await anonymous.get(path)

        body = assert_problem(response, 401)
        assert "X-API-Key" in body["detail"]
        assert response.headers["www-authenticate"]


async def test_a_wrong_key_is_refused(anonymous: httpx.AsyncClient) -> None:
    response = await anonymous.get(ENTITY_PATHS[0], headers={API_KEY_HEADER: TEST_API_KEY + "x"})

    body = assert_problem(response, 401)
    assert body["detail"] == "The API key is not valid."


async def test_a_configured_key_is_accepted(anonymous: httpx.AsyncClient) -> None:
    response = await anonymous.get(ENTITY_PATHS[0], headers={API_KEY_HEADER: TEST_API_KEY})

    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


@pytest.mark.parametrize("path", ["/health", "/ready", "/metrics", "/docs", "/openapi.json"])
async def test_operational_endpoints_need_no_key(anonymous: httpx.AsyncClient, path: str) -> None:
    response = await anonymous.get(path)

    assert response.status_code == 200, response.text


async def test_an_empty_key_list_accepts_no_key(data_http_clients: dict[str, httpx.AsyncClient]) -> None:
    application = create_app(Settings(api_keys=" , "), http_clients=data_http_clients)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http_client:
            for key in ("", TEST_API_KEY, " , "):
                response = await http_client.get(ENTITY_PATHS[0], headers={API_KEY_HEADER: key})
                assert_problem(response, 401)


def test_keys_are_read_from_a_comma_separated_list() -> None:
    assert parse_api_keys(" one, two ,,three ") == ("one", "two", "three")
    assert parse_api_keys("") == ()
    assert Settings(api_keys="a,b").api_key_list() == ("a", "b")


def test_a_key_matches_only_itself() -> None:
    keys = ("first-key", "second-key")

    assert find_api_key("second-key", keys) == "second-key"
    assert find_api_key("second-ke", keys) is None
    assert find_api_key("", keys) is None
    assert find_api_key("first-key", ()) is None


def test_a_fingerprint_names_a_key_without_showing_it() -> None:
    fingerprint = api_key_fingerprint(TEST_API_KEY)

    assert fingerprint.startswith("key_")
    assert len(fingerprint) == 20
    assert TEST_API_KEY not in fingerprint
    assert fingerprint != api_key_fingerprint(TEST_API_KEY + "x")

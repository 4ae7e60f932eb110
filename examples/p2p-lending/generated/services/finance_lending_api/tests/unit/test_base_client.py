"""Mapping of data-service answers and transport failures to domain errors."""

from collections.abc import Callable

import httpx
import pytest

from shared.utils.problems import build_problem
from shared.utils.request_id import REQUEST_ID_HEADER, reset_request_id, set_request_id
from src.domain.errors import (
    ConflictError,
    DataServiceError,
    DataServiceUnavailableError,
    DomainError,
    NotFoundError,
    ValidationFailedError,
)
from src.infrastructure.http_clients.base_client import DataServiceClient

Handler = Callable[[httpx.Request], httpx.Response]


async def _send(handler: Handler) -> httpx.Response:
    transport = httpx.MockTransport(handler)
    async with httpx.AsyncClient(transport=transport, base_url="http://data") as http_client:
        return await DataServiceClient(http_client, "data").request("GET", "/api/v1/things")


@pytest.mark.parametrize(
    ("status", "error_type"),
    [
        (404, NotFoundError),
        (409, ConflictError),
        (422, ValidationFailedError),
        (503, DataServiceUnavailableError),
        (500, DataServiceError),
        (400, DataServiceError),
    ],
)
async def test_error_status_becomes_a_domain_error(status: int, error_type: type[DomainError]) -> None:
    body = build_problem(status, "Detail from the data service.").to_body()

    with pytest.raises(error_type):
        await _send(lambda request: httpx.Response(status, json=body))


async def test_problem_detail_and_errors_are_kept() -> None:
    body = build_problem(422, "Unknown sort key.", errors=[{"loc": ["query", "sort"]}]).to_body()

    with pytest.raises(ValidationFailedError) as raised:
        await _send(lambda request: httpx.Response(422, json=body))

    assert raised.value.detail == "Unknown sort key."
    assert raised.value.errors == [{"loc": ["query", "sort"]}]


async def test_error_without_a_problem_body_gets_a_generic_detail() -> None:
    with pytest.raises(NotFoundError, match="answered with status 404"):
        await _send(lambda request: httpx.Response(404, text="not json"))


async def test_unexpected_status_does_not_leak_the_body() -> None:
    with pytest.raises(DataServiceError) as raised:
        await _send(lambda request: httpx.Response(500, text="Traceback: secret"))

    assert "secret" not in raised.value.detail


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_transport_failure_means_unavailable(failure: httpx.TransportError) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise failure

    with pytest.raises(DataServiceUnavailableError, match="data cannot be reached"):
        await _send(fail)


async def test_success_is_returned_as_is() -> None:
    response = await _send(lambda request: httpx.Response(200, json={"ok": True}))

    assert response.json() == {"ok": True}


async def test_current_request_id_is_forwarded() -> None:
    seen: list[str | None] = []

    def capture(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get(REQUEST_ID_HEADER))
        return httpx.Response(200, json={})

    token = set_request_id("req_forwarded")
    try:
        await _send(capture)
    finally:
        reset_request_id(token)
    await _send(capture)

    assert seen == ["req_forwarded", None]

"""``X-Request-ID`` is accepted or generated, and echoed in every response."""

import httpx

from shared.utils.request_id import REQUEST_ID_HEADER


async def test_incoming_request_id_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource", headers={REQUEST_ID_HEADER: "req_from_client"})

    assert response.headers[REQUEST_ID_HEADER] == "req_from_client"


async def test_missing_request_id_is_generated(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource")

    assert response.headers[REQUEST_ID_HEADER].startswith("req_")


async def test_unsafe_request_id_is_replaced(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource", headers={REQUEST_ID_HEADER: "x" * 200})

    assert response.headers[REQUEST_ID_HEADER].startswith("req_")

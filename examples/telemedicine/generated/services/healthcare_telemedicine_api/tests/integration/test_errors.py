"""Errors of the framework itself are problem responses too."""

import httpx

from tests.helpers import assert_problem


async def test_unknown_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource")

    body = assert_problem(response, 404)
    assert body["instance"] == "/api/v1/no-such-resource"

"""Errors of the framework and of the database connection are problem responses too."""

import httpx
import pytest

from tests.helpers import assert_problem


async def test_unknown_route_is_a_404_problem(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/no-such-resource")

    body = assert_problem(response, 404)
    assert body["instance"] == "/api/v1/no-such-resource"


@pytest.mark.usefixtures("server_gone")
async def test_requests_are_503_problems_while_the_database_is_down(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/credit-score-records")
    body = assert_problem(response, 503)
    assert body["detail"] == "The database is not reachable."
    response = await client.get("/api/v1/audit-log-entries")
    body = assert_problem(response, 503)
    assert body["detail"] == "The database is not reachable."

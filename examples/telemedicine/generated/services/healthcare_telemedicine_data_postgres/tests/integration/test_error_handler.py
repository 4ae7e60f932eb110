"""An unhandled exception becomes a 500 problem that does not reveal the exception."""

import httpx
import pytest
from fastapi import FastAPI

from tests.helpers import assert_problem

SECRET = "connection string with a password"


async def _failing_endpoint() -> None:
    raise RuntimeError(SECRET)


async def test_unhandled_exception_is_a_500_problem(
    app: FastAPI,
    client: httpx.AsyncClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    app.add_api_route("/boom", _failing_endpoint)

    response = await client.get("/boom")

    body = assert_problem(response, 500)
    assert SECRET not in response.text
    assert body["instance"] == "/boom"
    assert any(record.exc_info for record in caplog.records if record.getMessage() == "unhandled_error")

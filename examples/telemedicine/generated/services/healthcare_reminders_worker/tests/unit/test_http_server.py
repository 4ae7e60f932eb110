"""The probe HTTP server: /health, /ready, and its error answers."""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest

from src.infrastructure.http_server import HttpReply, HttpServer, probe_handler


class Readiness:
    def __init__(self) -> None:
        self.reason: str | None = None

    async def __call__(self) -> str | None:
        return self.reason


@pytest.fixture
def readiness() -> Readiness:
    return Readiness()


@pytest.fixture
async def server(readiness: Readiness) -> AsyncIterator[HttpServer]:
    http_server = HttpServer(probe_handler(readiness), "127.0.0.1", 0)
    await http_server.start()
    try:
        yield http_server
    finally:
        await http_server.close()


@pytest.fixture
async def client(server: HttpServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{server.port}") as http_client:
        yield http_client


async def test_health(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_ready_and_not_ready(client: httpx.AsyncClient, readiness: Readiness) -> None:
    assert (await client.get("/ready")).json() == {"status": "ready"}

    readiness.reason = "Not consuming from RabbitMQ."
    response = await client.get("/ready")

    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "Not consuming from RabbitMQ."


async def test_unknown_route_and_method(client: httpx.AsyncClient) -> None:
    assert (await client.get("/nope")).status_code == 404
    assert (await client.post("/health")).status_code == 405


async def test_not_http_is_a_400(server: HttpServer) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    writer.write(b"hello\r\n\r\n")
    await writer.drain()
    answer = await reader.read()
    writer.close()
    await writer.wait_closed()

    assert answer.startswith(b"HTTP/1.1 400 Bad Request")


async def test_failing_handler_is_a_500() -> None:
    async def broken(method: str, path: str) -> HttpReply:
        raise RuntimeError("boom")

    http_server = HttpServer(broken, "127.0.0.1", 0)
    await http_server.start()
    try:
        async with httpx.AsyncClient() as http_client:
            response = await http_client.get(f"http://127.0.0.1:{http_server.port}/health")
    finally:
        await http_server.close()

    assert response.status_code == 500
    assert response.json()["status"] == 500

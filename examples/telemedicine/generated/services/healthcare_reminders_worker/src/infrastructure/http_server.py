"""A minimal HTTP/1.1 server on asyncio streams, for ``/health``, ``/ready``.

One request per connection, GET only, no request body: all a probe needs, with no web framework in the worker.
"""

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from shared.utils.problems import PROBLEM_JSON_MEDIA_TYPE, build_problem

logger = logging.getLogger(__name__)

READ_TIMEOUT_SECONDS = 5.0
MAX_HEADER_LINES = 100


@dataclass(frozen=True)
class HttpReply:
    """Status, body and content type of a response."""

    status: int
    body: bytes
    content_type: str = "application/json"


RequestHandler = Callable[[str, str], Awaitable[HttpReply]]
"""Answers ``(method, path)``."""


def json_reply(status: int, payload: Any) -> HttpReply:
    """A JSON response."""
    return HttpReply(status, json.dumps(payload).encode())


def problem_reply(status: int, detail: str, instance: str | None = None) -> HttpReply:
    """An RFC 9457 problem response."""
    problem = build_problem(status, detail, instance=instance)
    return HttpReply(status, json.dumps(problem.to_body()).encode(), PROBLEM_JSON_MEDIA_TYPE)


class HttpServer:
    """Serves ``handler`` on ``host:port`` (port 0 picks a free port, see :attr:`port`)."""

    def __init__(self, handler: RequestHandler, host: str, port: int) -> None:
        self._handler = handler
        self._host = host
        self._requested_port = port
        self._server: asyncio.Server | None = None

    @property
    def port(self) -> int:
        """The port the server listens on."""
        if self._server is None or not self._server.sockets:
            return self._requested_port
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    async def start(self) -> None:
        """Start listening."""
        self._server = await asyncio.start_server(self._serve, self._host, self._requested_port)
        logger.info("http_server_started", extra={"host": self._host, "port": self.port})

    async def close(self) -> None:
        """Stop listening (idempotent)."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            reply = await asyncio.wait_for(self._answer(reader), timeout=READ_TIMEOUT_SECONDS)
        except TimeoutError:
            reply = problem_reply(408, "The request was not received in time.")
        head = (
            f"HTTP/1.1 {reply.status} {HTTPStatus(reply.status).phrase}\r\n"
            f"Content-Type: {reply.content_type}\r\n"
            f"Content-Length: {len(reply.body)}\r\n"
            "Connection: close\r\n\r\n"
        )
        with suppress(ConnectionError):
            writer.write(head.encode("latin-1") + reply.body)
            await writer.drain()
        writer.close()
        with suppress(ConnectionError):
            await writer.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader) -> HttpReply:
        parts = (await reader.readline()).decode("latin-1").split()
        for _ in range(MAX_HEADER_LINES):
            if (await reader.readline()) in (b"\r\n", b"\n", b""):
                break
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            return problem_reply(400, "Not an HTTP request.")
        method, path = parts[0], parts[1].split("?", 1)[0]
        try:
            return await self._handler(method, path)
        except Exception:
            logger.exception("http_request_failed", extra={"method": method, "path": path})
            return problem_reply(500, "The request could not be answered.", path)


ReadinessCheck = Callable[[], Awaitable[str | None]]
"""``None`` when ready, otherwise why not."""


def probe_handler(is_ready: ReadinessCheck) -> RequestHandler:
    """Routes of the worker: ``/health`` (the process is up), ``/ready`` (503 with the reason when not ready)."""

    async def handle(method: str, path: str) -> HttpReply:
        if method != "GET":
            return problem_reply(405, f"{method} is not allowed.", path)
        if path == "/health":
            return json_reply(200, {"status": "ok"})
        if path == "/ready":
            reason = await is_ready()
            return json_reply(200, {"status": "ready"}) if reason is None else problem_reply(503, reason, path)
        return problem_reply(404, f"No route {path}.", path)

    return handle

"""The pure ASGI middlewares, called directly."""

import pytest
from starlette.types import Message, Receive, Scope, Send

from shared.web.error_handler import ErrorHandlerMiddleware
from shared.web.request_id_middleware import RequestIdMiddleware

LIFESPAN_SCOPE: Scope = {"type": "lifespan"}
HTTP_SCOPE: Scope = {"type": "http", "method": "GET", "path": "/things", "headers": []}


class _Recorder:
    """An ASGI app that records the scopes it gets; also a ``send`` that records the messages."""

    def __init__(self) -> None:
        self.scope_types: list[str] = []
        self.sent: list[Message] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.scope_types.append(scope["type"])

    async def send(self, message: Message) -> None:
        self.sent.append(message)


async def _receive() -> Message:
    return {"type": "lifespan.startup"}


async def test_request_id_middleware_passes_other_scopes_through() -> None:
    recorder = _Recorder()

    await RequestIdMiddleware(recorder)(LIFESPAN_SCOPE, _receive, recorder.send)

    assert recorder.scope_types == ["lifespan"]


async def test_error_handler_passes_other_scopes_through() -> None:
    recorder = _Recorder()

    await ErrorHandlerMiddleware(recorder)(LIFESPAN_SCOPE, _receive, recorder.send)

    assert recorder.scope_types == ["lifespan"]


async def test_error_after_the_response_started_is_reraised() -> None:
    recorder = _Recorder()

    async def fail_midway(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        raise RuntimeError("failed while streaming")

    with pytest.raises(RuntimeError, match="failed while streaming"):
        await ErrorHandlerMiddleware(fail_midway)(HTTP_SCOPE, _receive, recorder.send)

    assert [message["status"] for message in recorder.sent] == [200]

"""Request ids: the ``X-Request-ID`` of the current request, kept in a context variable."""

import re
from contextvars import ContextVar, Token
from uuid import uuid4

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_PREFIX = "req_"

_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def generate_request_id() -> str:
    """A new request id: ``req_`` followed by 32 hexadecimal digits."""
    return REQUEST_ID_PREFIX + uuid4().hex


def resolve_request_id(incoming: str | None) -> str:
    """The incoming id when it is safe to log and forward, otherwise a new one."""
    if incoming is not None and _VALID_REQUEST_ID.fullmatch(incoming):
        return incoming
    return generate_request_id()


def get_request_id() -> str | None:
    """The id of the request being handled, if any."""
    return _request_id.get()


def set_request_id(request_id: str) -> Token[str | None]:
    """Make ``request_id`` current; pass the returned token to :func:`reset_request_id`."""
    return _request_id.set(request_id)


def reset_request_id(token: Token[str | None]) -> None:
    """Restore the request id that was current before :func:`set_request_id`."""
    _request_id.reset(token)

"""API keys: the ``X-API-Key`` header checked against the configured keys in constant time.

An empty key list accepts no key at all (secure by default): every protected request is refused with 401.
"""

import hashlib
import hmac
from collections.abc import Sequence

API_KEY_HEADER = "X-API-Key"


def parse_api_keys(value: str) -> tuple[str, ...]:
    """The keys of a comma-separated list (``API_KEYS``), blanks around them and empty entries dropped."""
    return tuple(key.strip() for key in value.split(",") if key.strip())


def find_api_key(candidate: str, keys: Sequence[str]) -> str | None:
    """The configured key equal to ``candidate``, or ``None``.

    Every key is compared, each with :func:`hmac.compare_digest`, so the time taken does not tell which key (or
    which prefix of one) came close.
    """
    supplied = candidate.encode()
    found: str | None = None
    for key in keys:
        if hmac.compare_digest(supplied, key.encode()):
            found = key
    return found


def api_key_fingerprint(key: str) -> str:
    """A name for ``key`` that is safe to log and to use in Redis keys: ``key_`` and 16 hex digits of its SHA-256."""
    return "key_" + hashlib.sha256(key.encode()).hexdigest()[:16]

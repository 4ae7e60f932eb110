"""Effectively-once handling of at-least-once messages: a message id is claimed before any side effect.

A claim goes ``processing`` (short TTL: the claim of a consumer that crashed mid-way expires, so a redelivery can
run) and, once the effect happened, ``done`` (long TTL: redeliveries and republished copies are recognised as
duplicates). A run that fails releases its claim, so that a retry runs. Keys are ``idempotency:<scope>:<message id>``;
the scope names the consumer (its service name, prefixed by the test namespace in tests).

:class:`RedisIdempotencyStore` is shared by every replica of a service; :class:`MemoryIdempotencyStore` keeps the
claims of one process (a bounded number of them), for a single replica running without Redis.
"""

import time
from collections import OrderedDict
from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from redis.asyncio import Redis

PROCESSING = "processing"
DONE = "done"
DEFAULT_PROCESSING_TTL_SECONDS = 300
"""How long a claim lasts while its message is handled: longer than any handling, short enough to retry soon."""
DEFAULT_DONE_TTL_SECONDS = 24 * 60 * 60
"""How long a handled message is remembered: redeliveries come within seconds, republished events within hours."""
MEMORY_MAX_MESSAGES = 10_000
"""How many message ids the in-memory store remembers; the oldest are forgotten first."""


class Claim(StrEnum):
    """The answer to "may I handle this message?"."""

    CLAIMED = "claimed"
    """Yes: handle it, then :meth:`IdempotencyStore.mark_done` (or :meth:`IdempotencyStore.release` on failure)."""
    DONE = "done"
    """No, it already had its effect: acknowledge it as a duplicate."""
    IN_PROGRESS = "in_progress"
    """Not now: another run holds the claim; try again later (the claim of a crashed run expires)."""


def idempotency_key(scope: str, message_id: str) -> str:
    """The key of ``message_id`` for the consumer ``scope``."""
    return f"idempotency:{scope}:{message_id}"


class IdempotencyStore(Protocol):
    """Message ids claimed, being handled or handled by one consumer."""

    async def claim(self, message_id: str) -> Claim:
        """Claim ``message_id`` for this run, unless it is done or being handled."""
        ...

    async def mark_done(self, message_id: str) -> None:
        """Remember that ``message_id`` has had its effect."""
        ...

    async def release(self, message_id: str) -> None:
        """Give up the claim of ``message_id`` so that a retry can handle it (nothing happens when unclaimed)."""
        ...


class RedisIdempotencyStore:
    """Claims in Redis (``SET NX EX``), shared by every replica of the consumer."""

    def __init__(
        self,
        redis: Redis,
        scope: str,
        *,
        processing_ttl_seconds: int = DEFAULT_PROCESSING_TTL_SECONDS,
        done_ttl_seconds: int = DEFAULT_DONE_TTL_SECONDS,
    ) -> None:
        self._redis = redis
        self._scope = scope
        self._processing_ttl_seconds = processing_ttl_seconds
        self._done_ttl_seconds = done_ttl_seconds

    def key(self, message_id: str) -> str:
        """The Redis key of ``message_id``."""
        return idempotency_key(self._scope, message_id)

    async def claim(self, message_id: str) -> Claim:
        """Claim ``message_id`` (``processing``) unless its key exists; then tell whether it is done."""
        key = self.key(message_id)
        if await self._redis.set(key, PROCESSING, nx=True, ex=self._processing_ttl_seconds):
            return Claim.CLAIMED
        return Claim.DONE if await self.state(message_id) == DONE else Claim.IN_PROGRESS

    async def mark_done(self, message_id: str) -> None:
        """Store ``done`` for the long TTL."""
        await self._redis.set(self.key(message_id), DONE, ex=self._done_ttl_seconds)

    async def release(self, message_id: str) -> None:
        """Delete the key of ``message_id``."""
        await self._redis.delete(self.key(message_id))

    async def state(self, message_id: str) -> str | None:
        """``processing``, ``done`` or ``None`` (unknown or expired)."""
        value = await self._redis.get(self.key(message_id))
        if isinstance(value, bytes):
            return value.decode()
        return None if value is None else str(value)


class MemoryIdempotencyStore:
    """Claims of this process only, with the same states and TTLs, bounded to ``max_messages`` ids."""

    def __init__(
        self,
        *,
        processing_ttl_seconds: float = DEFAULT_PROCESSING_TTL_SECONDS,
        done_ttl_seconds: float = DEFAULT_DONE_TTL_SECONDS,
        max_messages: int = MEMORY_MAX_MESSAGES,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._processing_ttl_seconds = processing_ttl_seconds
        self._done_ttl_seconds = done_ttl_seconds
        self._max_messages = max_messages
        self._clock = clock
        self._entries: OrderedDict[str, tuple[str, float]] = OrderedDict()

    async def claim(self, message_id: str) -> Claim:
        """Claim ``message_id`` (``processing``) unless it is known and unexpired; then tell whether it is done."""
        state = await self.state(message_id)
        if state is not None:
            return Claim.DONE if state == DONE else Claim.IN_PROGRESS
        self._set(message_id, PROCESSING, self._processing_ttl_seconds)
        return Claim.CLAIMED

    async def mark_done(self, message_id: str) -> None:
        """Store ``done`` for the long TTL."""
        self._set(message_id, DONE, self._done_ttl_seconds)

    async def release(self, message_id: str) -> None:
        """Forget ``message_id``."""
        self._entries.pop(message_id, None)

    async def state(self, message_id: str) -> str | None:
        """``processing``, ``done`` or ``None`` (unknown, expired or forgotten)."""
        entry = self._entries.get(message_id)
        if entry is None:
            return None
        state, expires_at = entry
        if self._clock() >= expires_at:
            del self._entries[message_id]
            return None
        return state

    def _set(self, message_id: str, state: str, ttl_seconds: float) -> None:
        self._entries[message_id] = (state, self._clock() + ttl_seconds)
        self._entries.move_to_end(message_id)
        while len(self._entries) > self._max_messages:
            self._entries.popitem(last=False)

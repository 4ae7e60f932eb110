"""Fixed-window rate limits in Redis, per user or API key: key ``ratelimit:<subject>:<window>``.

The window is the number of whole ``window_seconds`` since the epoch; the key expires with its window, so every
replica of the service shares the count.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from redis.asyncio import Redis


@dataclass(frozen=True)
class RateLimitDecision:
    """Whether one more request is allowed, and when to retry if not."""

    allowed: bool
    limit: int
    remaining: int
    retry_after_seconds: int


class RedisRateLimiter:
    """At most ``limit`` requests per subject and window of ``window_seconds``."""

    def __init__(
        self,
        redis: Redis,
        limit: int,
        window_seconds: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if limit < 1 or window_seconds < 1:
            raise ValueError("a rate limit needs a limit and a window of at least 1")
        self._redis = redis
        self.limit = limit
        self.window_seconds = window_seconds
        self._clock = clock

    @staticmethod
    def key(subject: str, window: int) -> str:
        """The Redis key counting ``subject``'s requests in ``window``."""
        return f"ratelimit:{subject}:{window}"

    async def hit(self, subject: str) -> RateLimitDecision:
        """Count one request of ``subject`` and decide whether it may proceed."""
        now = self._clock()
        window = int(now // self.window_seconds)
        key = self.key(subject, window)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, self.window_seconds + 1)
            count, _ = await pipe.execute()
        used = int(count)
        retry_after = max(1, math.ceil((window + 1) * self.window_seconds - now))
        return RateLimitDecision(
            allowed=used <= self.limit,
            limit=self.limit,
            remaining=max(0, self.limit - used),
            retry_after_seconds=retry_after,
        )

"""Scheduled jobs: each runs every ``every_seconds``, on one replica at a time (a Redis lock per period)."""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from uuid import uuid4

from redis.asyncio import Redis
from redis.exceptions import RedisError

from src.infrastructure.metrics import MessageMetrics

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduledJob:
    """A job run every ``every_seconds`` seconds."""

    name: str
    every_seconds: float
    run: Callable[[], Awaitable[object]]


class Scheduler:
    """Runs scheduled jobs until the stop event is set; a failing run is logged and the schedule goes on."""

    def __init__(self, redis: Redis, scope: str, metrics: MessageMetrics) -> None:
        self._redis = redis
        self._scope = scope
        self._metrics = metrics

    def lock_key(self, job: ScheduledJob) -> str:
        """The Redis key taken by the replica running ``job`` in the current period."""
        return f"schedule:{self._scope}:{job.name}"

    async def run_forever(self, job: ScheduledJob, stop: asyncio.Event) -> None:
        """Wait ``every_seconds``, run ``job``, repeat; return as soon as ``stop`` is set."""
        while True:
            try:
                await asyncio.wait_for(stop.wait(), timeout=job.every_seconds)
            except TimeoutError:
                await self.run_once(job)
            else:
                return

    async def run_once(self, job: ScheduledJob) -> bool:
        """Run ``job`` now unless another replica holds this period's lock; ``True`` if it ran and succeeded."""
        lock_ms = max(1, int(job.every_seconds * 900))
        try:
            acquired = await self._redis.set(self.lock_key(job), uuid4().hex, nx=True, px=lock_ms)
        except RedisError as error:
            logger.warning("scheduled_job_not_run", extra={"job": job.name, "error": repr(error)})
            self._metrics.record_run(job.name, "failed")
            return False
        if not acquired:
            logger.info("scheduled_job_skipped", extra={"job": job.name, "reason": "another replica runs it"})
            return False
        try:
            await job.run()
        except Exception:
            logger.exception("scheduled_job_failed", extra={"job": job.name})
            self._metrics.record_run(job.name, "failed")
            return False
        self._metrics.record_run(job.name, "processed")
        return True

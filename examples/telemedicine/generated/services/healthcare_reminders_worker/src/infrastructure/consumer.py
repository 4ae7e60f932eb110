"""Consuming events: at-least-once delivery made effectively-once, retries with backoff, dead letters.

For every message: claim its id in Redis (``shared.messaging.idempotency``: duplicates are acknowledged and skipped),
run the handlers of its queue, mark the id done, then acknowledge. A :class:`RecoverableError` sends a copy to
``<queue>.retry`` with the attempt counter (``x-attempt``) and a per-message TTL of ``retry_delay * 2**(attempt-1)``
(capped), which dead-letters it back to the queue; after ``max_retries`` retries the message is rejected into
``<service>.dlq``. Any other error rejects it into the dead-letter queue at once. A message is acknowledged only
after its handlers finished, so a message being handled when the process stops is either finished and acknowledged
(graceful stop) or redelivered by the broker.

The retry queue holds messages of different delays: RabbitMQ expires them from its head, so a message may wait
longer than its own delay behind one with a longer delay, never shorter.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage, AbstractQueue
from aio_pika.exceptions import CONNECTION_EXCEPTIONS
from redis.exceptions import RedisError

from shared.messaging.idempotency import Claim, IdempotencyStore
from shared.messaging.publisher import ATTEMPT_HEADER, REQUEST_ID_HEADER
from shared.messaging.topology import (
    Subscription,
    Topology,
    declare_consumer_queue,
    declare_exchanges,
    declare_retry_queue,
)
from shared.utils.request_id import reset_request_id, resolve_request_id, set_request_id
from src.domain.errors import InvalidMessageError, RecoverableError
from src.infrastructure.metrics import DEAD_LETTERED, DUPLICATE, PROCESSED, REQUEUED, RETRIED, MessageMetrics

logger = logging.getLogger(__name__)

MessageHandler = Callable[[bytes], Awaitable[object]]


@dataclass(frozen=True)
class EventRoute:
    """A job that runs for every message of the queue of ``subscription``."""

    job: str
    subscription: Subscription
    handle: MessageHandler


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how late a message failing with a recoverable error is tried again."""

    max_retries: int = 3
    delay_seconds: float = 5.0
    max_delay_seconds: float = 300.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first retry)."""
        return float(min(self.delay_seconds * 2 ** (attempt - 1), self.max_delay_seconds))


def attempt_of(message: AbstractIncomingMessage) -> int:
    """How many retries the message has had (0 on its first delivery)."""
    value = (message.headers or {}).get(ATTEMPT_HEADER, 0)
    return value if isinstance(value, int) else 0


class EventConsumer:
    """Consumes the queues of ``routes`` on ``channel``; :meth:`stop` stops consuming and waits for in-flight work."""

    def __init__(
        self,
        channel: AbstractChannel,
        topology: Topology,
        store: IdempotencyStore,
        routes: Sequence[EventRoute],
        *,
        prefetch_count: int,
        retry: RetryPolicy,
        metrics: MessageMetrics,
    ) -> None:
        self._channel = channel
        self._topology = topology
        self._store = store
        self._retry = retry
        self._metrics = metrics
        self._prefetch_count = prefetch_count
        self._routes: dict[str, list[EventRoute]] = {}
        self._subscriptions: dict[str, Subscription] = {}
        for route in routes:
            name = topology.queue(route.subscription)
            self._routes.setdefault(name, []).append(route)
            self._subscriptions[name] = route.subscription
        self._queues: list[tuple[AbstractQueue, str]] = []
        self._in_flight: set[asyncio.Task[None]] = set()
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def queue_names(self) -> list[str]:
        """The queues this consumer reads."""
        return list(self._routes)

    @property
    def consuming(self) -> bool:
        """Whether the consumer is registered on its queues."""
        return bool(self._queues)

    async def start(self) -> None:
        """Declare the topology (queues, retry queues, dead-letter queue), set the QoS and start consuming."""
        await self._channel.set_qos(prefetch_count=self._prefetch_count)
        await declare_exchanges(self._channel, self._topology)
        for name, subscription in self._subscriptions.items():
            queue = await declare_consumer_queue(self._channel, self._topology, subscription)
            await declare_retry_queue(self._channel, self._topology, name)
            tag = await queue.consume(partial(self._on_message, name))
            self._queues.append((queue, tag))
            logger.info("consuming", extra={"queue": name})

    async def stop(self, grace_seconds: float) -> bool:
        """Stop receiving messages, then wait up to ``grace_seconds`` for those being handled; ``True`` if all ended.

        Messages still unacknowledged when the channel closes are redelivered by the broker: none is lost.
        """
        for queue, tag in self._queues:
            await queue.cancel(tag)
        self._queues.clear()
        try:
            await asyncio.wait_for(self._idle.wait(), timeout=grace_seconds)
        except TimeoutError:
            logger.warning("shutdown_left_messages_unacknowledged", extra={"in_flight": len(self._in_flight)})
            return False
        return True

    async def _on_message(self, queue_name: str, message: AbstractIncomingMessage) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
            self._idle.clear()
        try:
            await self.process(message, queue_name)
        finally:
            if task is not None:
                self._in_flight.discard(task)
                if not self._in_flight:
                    self._idle.set()

    async def process(self, message: AbstractIncomingMessage, queue_name: str) -> None:
        """Handle one message of ``queue_name`` and settle it: ack, retry or dead-letter."""
        incoming = (message.headers or {}).get(REQUEST_ID_HEADER)
        token = set_request_id(resolve_request_id(incoming if isinstance(incoming, str) else None))
        try:
            await self._settle(message, queue_name)
        finally:
            reset_request_id(token)

    async def _settle(self, message: AbstractIncomingMessage, queue_name: str) -> None:
        message_id = message.message_id
        log: dict[str, Any] = {"queue": queue_name, "message_id": message_id, "attempt": attempt_of(message)}
        routes = self._routes.get(queue_name, [])
        if not message_id or not routes:
            logger.error("message_rejected", extra={**log, "reason": "no message id or unknown queue"})
            await self._dead_letter(message, queue_name)
            return
        try:
            claim = await self._store.claim(message_id)
        except RedisError as error:
            logger.warning("idempotency_store_unavailable", extra={**log, "error": repr(error)})
            await self._retry_later(message, queue_name, log, count_attempt=False)
            return
        if claim is Claim.DONE:
            logger.info("message_duplicate_skipped", extra=log)
            await message.ack()
            self._metrics.record(queue_name, DUPLICATE)
            return
        if claim is Claim.IN_PROGRESS:
            logger.info("message_in_progress_elsewhere", extra=log)
            await self._retry_later(message, queue_name, log, count_attempt=False)
            return
        try:
            for route in routes:
                await route.handle(message.body)
        except RecoverableError as error:
            logger.warning("message_failed_recoverable", extra={**log, "error": repr(error)})
            await self._store.release(message_id)
            await self._retry_later(message, queue_name, log)
        except Exception as error:
            reason = "invalid message" if isinstance(error, InvalidMessageError) else "fatal error"
            logger.exception("message_failed_fatal", extra={**log, "reason": reason})
            await self._store.release(message_id)
            await self._dead_letter(message, queue_name)
        else:
            await self._store.mark_done(message_id)
            await message.ack()
            self._metrics.record(queue_name, PROCESSED)
            logger.info("message_processed", extra=log)

    async def _dead_letter(self, message: AbstractIncomingMessage, queue_name: str) -> None:
        await message.reject(requeue=False)
        self._metrics.record(queue_name, DEAD_LETTERED)
        logger.error("message_dead_lettered", extra={"queue": queue_name, "message_id": message.message_id})

    async def _retry_later(
        self,
        message: AbstractIncomingMessage,
        queue_name: str,
        log: dict[str, Any],
        *,
        count_attempt: bool = True,
    ) -> None:
        """Send the message to its retry queue and acknowledge it; past ``max_retries``, dead-letter it.

        Without ``count_attempt`` (Redis unavailable, the same message being handled elsewhere) the retry does not
        count and waits the longest delay: the other run finishes or its claim expires meanwhile.
        """
        if count_attempt:
            attempt = attempt_of(message) + 1
            if attempt > self._retry.max_retries:
                await self._dead_letter(message, queue_name)
                return
            delay = self._retry.delay(attempt)
        else:
            attempt = attempt_of(message)
            delay = self._retry.max_delay_seconds
        retry = aio_pika.Message(
            message.body,
            headers={**(message.headers or {}), ATTEMPT_HEADER: attempt},
            content_type=message.content_type,
            delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
            message_id=message.message_id,
            priority=message.priority,
            type=message.type,
            expiration=delay,
        )
        try:
            await self._channel.default_exchange.publish(retry, routing_key=Topology.retry_queue(queue_name))
        except (*CONNECTION_EXCEPTIONS, TimeoutError) as error:
            logger.warning("retry_not_scheduled", extra={**log, "error": repr(error)})
            await message.nack(requeue=True)
            self._metrics.record(queue_name, REQUEUED)
            return
        await message.ack()
        self._metrics.record(queue_name, RETRIED)
        logger.info("message_retry_scheduled", extra={**log, "next_attempt": attempt, "delay_seconds": delay})

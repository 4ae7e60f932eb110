"""Publishing events: persistent messages, publisher confirms, bounded retries with exponential backoff.

A publish either ends with the broker's confirmation or raises :class:`EventPublishError` after
``max_attempts`` tries: a failed publish is never dropped silently. The event is logged in full with the error,
so it can be replayed by hand. Without a broker URL, :class:`LoggingEventPublisher` logs every event instead
of sending it (development mode, announced by a warning when it is created).
"""

import asyncio
import logging
from contextlib import AsyncExitStack
from typing import Any, Protocol

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractRobustConnection
from aio_pika.exceptions import CONNECTION_EXCEPTIONS
from opentelemetry.trace import Tracer

from shared.events.base import EventEnvelope
from shared.messaging.topology import SUBSCRIPTIONS, Subscription, Topology, declare_subscriptions
from shared.observability.tracing import get_tracer, inject_trace_context, publish_span

logger = logging.getLogger(__name__)

REQUEST_ID_HEADER = "x-request-id"
ATTEMPT_HEADER = "x-attempt"
EVENT_NAME_HEADER = "x-event-name"
SCHEMA_VERSION_HEADER = "x-schema-version"

AnyEvent = EventEnvelope[Any]


class EventPublishError(Exception):
    """The broker did not confirm an event after every attempt."""


class EventPublisher(Protocol):
    """Sends events; returns once the event is safely handed over, raises :class:`EventPublishError` otherwise."""

    async def publish(self, event: AnyEvent) -> None:
        """Publish ``event``."""


def build_message(event: AnyEvent) -> aio_pika.Message:
    """The persistent AMQP message of ``event``: ``message_id`` is the event id, priority the event's."""
    headers: dict[str, str | int] = {
        EVENT_NAME_HEADER: event.event_name,
        SCHEMA_VERSION_HEADER: event.schema_version,
    }
    if event.request_id:
        headers[REQUEST_ID_HEADER] = event.request_id
    # traceparent (and tracestate) of the current span: the consumer's span continues this trace.
    inject_trace_context(headers)
    return aio_pika.Message(
        event.model_dump_json().encode(),
        content_type="application/json",
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        message_id=str(event.event_id),
        priority=event.PRIORITY,
        timestamp=event.occurred_at,
        type=event.event_name,
        headers=dict(headers),
    )


class LoggingEventPublisher:
    """Development mode: no broker configured, every event is logged (warning level) and not sent."""

    def __init__(self) -> None:
        logger.warning("events_not_published", extra={"reason": "RABBITMQ_URL is not set: events are only logged"})

    async def publish(self, event: AnyEvent) -> None:
        """Log ``event`` instead of sending it."""
        logger.warning(
            "event_not_sent",
            extra={"event_name": event.event_name, "event_id": str(event.event_id), "event": event.model_dump_json()},
        )


class RabbitMqEventPublisher:
    """Publishes to the events exchange over one robust connection, opened on first use and kept open.

    Every publish waits for the broker's confirmation. A failure (broker unreachable, channel closed, negative
    confirmation, timeout) is retried ``max_attempts`` times in all, waiting ``backoff_seconds`` and then twice as
    long each time; after the last attempt :class:`EventPublishError` is raised.
    """

    def __init__(
        self,
        url: str,
        topology: Topology,
        *,
        max_attempts: int = 3,
        backoff_seconds: float = 0.2,
        timeout_seconds: float = 5.0,
        subscriptions: tuple[Subscription, ...] = SUBSCRIPTIONS,
        tracer: Tracer | None = None,
    ) -> None:
        self._url = url
        self._topology = topology
        self._max_attempts = max(1, max_attempts)
        self._backoff_seconds = backoff_seconds
        self._timeout_seconds = timeout_seconds
        self._subscriptions = subscriptions
        self._lock = asyncio.Lock()
        self._connection: AbstractRobustConnection | None = None
        self._channel: AbstractChannel | None = None
        self._exchange: AbstractExchange | None = None
        self._tracer = tracer if tracer is not None else get_tracer()

    async def connect(self) -> None:
        """Connect and declare the topology now; failures are left to the first publish to retry."""
        await self.is_ready()

    async def is_ready(self) -> bool:
        """Whether the broker can be reached and the topology is declared (connects when needed)."""
        try:
            await self._ready_exchange()
        except (*CONNECTION_EXCEPTIONS, TimeoutError) as error:
            logger.warning("event_broker_not_ready", extra={"error": repr(error)})
            return False
        return True

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        connection, self._connection, self._channel, self._exchange = self._connection, None, None, None
        if connection is not None:
            await connection.close()

    async def _ready_exchange(self) -> AbstractExchange:
        async with self._lock:
            if self._exchange is not None and self._channel is not None and not self._channel.is_closed:
                return self._exchange
            if self._connection is None:
                self._connection = await aio_pika.connect_robust(self._url, timeout=self._timeout_seconds)
            self._channel = await self._connection.channel(publisher_confirms=True)
            self._exchange = await declare_subscriptions(self._channel, self._topology, self._subscriptions)
            return self._exchange

    async def publish(self, event: AnyEvent) -> None:
        """Publish ``event`` and wait for the broker's confirmation; :class:`EventPublishError` after every try."""
        with publish_span(self._tracer, self._topology.exchange, event.ROUTING_KEY):
            await self._publish(event)

    async def _publish(self, event: AnyEvent) -> None:
        message = build_message(event)
        for attempt in range(1, self._max_attempts + 1):
            try:
                exchange = await self._ready_exchange()
                await exchange.publish(
                    message,
                    routing_key=event.ROUTING_KEY,
                    mandatory=False,
                    timeout=self._timeout_seconds,
                )
            except (*CONNECTION_EXCEPTIONS, TimeoutError) as error:
                logger.warning(
                    "event_publish_attempt_failed",
                    extra={"event_id": str(event.event_id), "attempt": attempt, "error": repr(error)},
                )
                if attempt == self._max_attempts:
                    logger.error(
                        "event_publish_failed",
                        extra={
                            "event_name": event.event_name,
                            "event_id": str(event.event_id),
                            "event": event.model_dump_json(),
                        },
                    )
                    raise EventPublishError(f"{event.event_name} could not be published.") from error
                await asyncio.sleep(self._backoff_seconds * 2 ** (attempt - 1))
            else:
                logger.info(
                    "event_published",
                    extra={"event_name": event.event_name, "event_id": str(event.event_id), "attempt": attempt},
                )
                return


async def open_event_publisher(
    url: str | None,
    topology: Topology,
    stack: AsyncExitStack,
    *,
    max_attempts: int = 3,
    backoff_seconds: float = 0.2,
    timeout_seconds: float = 5.0,
) -> EventPublisher:
    """The publisher of a process: RabbitMQ when ``url`` is set (closed with ``stack``), logging otherwise."""
    if not url:
        return LoggingEventPublisher()
    publisher = RabbitMqEventPublisher(
        url,
        topology,
        max_attempts=max_attempts,
        backoff_seconds=backoff_seconds,
        timeout_seconds=timeout_seconds,
    )
    stack.push_async_callback(publisher.close)
    await publisher.connect()
    return publisher

"""Consumes the events the bot listens to from RabbitMQ and notifies the subscribed chats.

The queues are declared through ``shared.messaging.topology``, like every other service does it: one durable queue
per consumed event, ``<service>.<event>``, bound to ``healthcare.events`` with the event's routing key, and
dead-lettered through ``healthcare.events.dlx`` into ``<service>.dlq`` when a message cannot be read or delivered.

Delivery is at least once, so each event's ``event_id`` (also the AMQP ``message_id``) is claimed before the chats
are notified (``shared.messaging.idempotency``): the claim is ``processing`` while the chats are notified and
``done`` once they were. A duplicate of a done event is acknowledged without notifying again. An event claimed by
another run is requeued after a pause: that run finishes, or it crashed and its short ``processing`` claim expires,
and the redelivery notifies. A failed notification releases its claim before the message is dead-lettered, so that
a retry notifies.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import aio_pika
from aio_pika.abc import AbstractIncomingMessage, AbstractRobustConnection

from shared.events.appointment_booked import (
    AppointmentBookedEvent,
)
from shared.events.reminder_due import (
    ReminderDueEvent,
)
from shared.messaging.idempotency import Claim, IdempotencyStore, MemoryIdempotencyStore
from shared.messaging.topology import Subscription, Topology, declare_consumer_queue, declare_exchanges
from shared.utils.request_id import generate_request_id, reset_request_id, set_request_id
from src.core.config import SERVICE_NAME
from src.notifications import messages
from src.notifications.notifier import Notifier

logger = logging.getLogger(__name__)

PREFETCH_COUNT = 10
IN_PROGRESS_RETRY_SECONDS = 5.0
"""How long an event claimed by another run waits before it is requeued (and claimed again)."""


@dataclass(frozen=True)
class Notification:
    """What an event becomes: the text for the chats, the event's id and the request that caused the event."""

    text: str
    event_id: str
    request_id: str | None


@dataclass(frozen=True)
class EventBinding:
    """One consumed event: where it comes from, and how its message body becomes a notification."""

    subscription: Subscription
    to_notification: Callable[[bytes], Notification]


def _appointment_booked_notification(body: bytes) -> Notification:
    event = AppointmentBookedEvent.model_validate_json(body)
    return Notification(
        messages.appointment_booked_message(event),
        str(event.event_id),
        event.request_id,
    )


def _reminder_due_notification(body: bytes) -> Notification:
    event = ReminderDueEvent.model_validate_json(body)
    return Notification(
        messages.reminder_due_message(event),
        str(event.event_id),
        event.request_id,
    )


BINDINGS: tuple[EventBinding, ...] = (
    EventBinding(
        Subscription(
            SERVICE_NAME,
            "appointment_booked",
            "healthcare.appointment.booked",
        ),
        _appointment_booked_notification,
    ),
    EventBinding(
        Subscription(
            SERVICE_NAME,
            "reminder_due",
            "healthcare.reminder.due",
        ),
        _reminder_due_notification,
    ),
)


class EventConsumer:
    """One robust connection and channel consuming every bound queue; closed by :meth:`close`.

    ``idempotency`` remembers the events being and already notified (in memory by default): pass the Redis store
    when several replicas consume.
    """

    def __init__(
        self,
        url: str,
        notifier: Notifier,
        *,
        idempotency: IdempotencyStore | None = None,
        bindings: Sequence[EventBinding] = BINDINGS,
        topology: Topology | None = None,
        in_progress_retry_seconds: float = IN_PROGRESS_RETRY_SECONDS,
    ) -> None:
        self._url = url
        self._notifier = notifier
        self._idempotency: IdempotencyStore = idempotency if idempotency is not None else MemoryIdempotencyStore()
        self._in_progress_retry_seconds = in_progress_retry_seconds
        self._bindings = tuple(bindings)
        self.topology = topology if topology is not None else Topology()
        self._connection: AbstractRobustConnection | None = None

    @property
    def is_connected(self) -> bool:
        """Whether the connection to RabbitMQ is open."""
        return self._connection is not None and not self._connection.is_closed

    async def start(self) -> None:
        """Connect, declare the queues and start consuming."""
        self._connection = await aio_pika.connect_robust(self._url, client_properties={"connection_name": SERVICE_NAME})
        channel = await self._connection.channel()
        await channel.set_qos(prefetch_count=PREFETCH_COUNT)
        await declare_exchanges(channel, self.topology)
        for binding in self._bindings:
            queue = await declare_consumer_queue(channel, self.topology, binding.subscription)
            await queue.consume(self._consumer_for(binding))
        queues = [self.topology.queue(binding.subscription) for binding in self._bindings]
        logger.info("event_consumer_started", extra={"queues": queues})

    def _consumer_for(self, binding: EventBinding) -> Callable[[AbstractIncomingMessage], Awaitable[None]]:
        async def consume(message: AbstractIncomingMessage) -> None:
            await self.handle(binding, message)

        return consume

    async def handle(self, binding: EventBinding, message: AbstractIncomingMessage) -> None:
        """Notify the chats of one event once and acknowledge it; a message that fails is dead-lettered."""
        event = binding.subscription.event_snake
        try:
            notification = binding.to_notification(message.body)
        except ValueError as error:
            logger.error("event_rejected", extra={"event": event, "error": str(error)})
            await message.reject(requeue=False)
            return
        token = set_request_id(notification.request_id or generate_request_id())
        try:
            await self._notify_once(event, notification, message)
        finally:
            reset_request_id(token)

    async def _notify_once(self, event: str, notification: Notification, message: AbstractIncomingMessage) -> None:
        event_id = notification.event_id
        log = {"event": event, "event_id": event_id}
        try:
            claim = await self._idempotency.claim(event_id)
        except Exception:
            logger.exception("event_claim_failed", extra=log)
            await message.reject(requeue=False)
            return
        if claim is Claim.DONE:
            logger.info("event_duplicate", extra=log)
            await message.ack()
            return
        if claim is Claim.IN_PROGRESS:
            logger.info("event_in_progress_elsewhere", extra=log)
            await asyncio.sleep(self._in_progress_retry_seconds)
            try:
                await message.reject(requeue=True)
            except Exception:
                # The channel closed meanwhile: the broker requeues the unacknowledged message by itself.
                logger.warning("event_not_requeued", extra=log)
            return
        try:
            sent = await self._notifier.broadcast(notification.text, event=event)
        except Exception:
            logger.exception("event_failed", extra=log)
            await self._release(event_id, log)
            await message.reject(requeue=False)
            return
        try:
            await self._idempotency.mark_done(event_id)
        except Exception:
            # The chats were notified: acknowledge anyway; the claim expires after the processing TTL.
            logger.exception("event_not_marked_done", extra=log)
        await message.ack()
        logger.info("event_notified", extra={**log, "chats": sent})

    async def _release(self, event_id: str, log: dict[str, str]) -> None:
        try:
            await self._idempotency.release(event_id)
        except Exception:
            logger.exception("event_claim_not_released", extra=log)

    async def close(self) -> None:
        """Stop consuming and close the connection."""
        if self._connection is not None:
            await self._connection.close()
            self._connection = None

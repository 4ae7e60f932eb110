"""Names and declarations of the event topology: one declaration per queue, shared by publishers and consumers.

- ``finance.events`` (topic, durable): every event, routing key ``<context>.<entity>.<verb>``.
- ``finance.events.dlx`` (direct, durable): dead letters, routed to the ``<service>.dlq`` queue of the consumer.
- ``<service>.<event>`` (durable, ``x-max-priority`` 10): one queue per consumer and event, dead-lettering to
  ``<service>.dlq``. ``<queue>.retry`` holds messages waiting for a retry: each expires after its own delay
  (per-message TTL) and is dead-lettered back to ``<queue>`` through the default exchange.

Every RabbitMQ queue argument must be identical wherever a queue is declared, so declare queues only through the
functions of this module. A non-empty ``namespace`` prefixes every name (tests and parallel runs): namespaced
queues expire after ten idle minutes and namespaced exchanges are auto-deleted, so test runs leave nothing behind.
"""

from dataclasses import dataclass

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractQueue
from pamqp.common import FieldTable

EVENTS_EXCHANGE = "finance.events"
EVENTS_DLX = "finance.events.dlx"
MAX_PRIORITY = 10
NAMESPACED_QUEUE_EXPIRES_MS = 600_000


@dataclass(frozen=True)
class Subscription:
    """A consumer service receives one event: its queue is ``<service_name>.<event_snake>``."""

    service_name: str
    event_snake: str
    routing_key: str


SUBSCRIPTIONS: tuple[Subscription, ...] = (
    Subscription(
        "finance_scoring_worker",
        "loan_application_submitted",
        "finance.loan_application.submitted",
    ),
    Subscription(
        "finance_notifications_bot",
        "loan_application_submitted",
        "finance.loan_application.submitted",
    ),
    Subscription(
        "finance_scoring_worker",
        "repayment_received",
        "finance.repayment.received",
    ),
    Subscription(
        "finance_notifications_bot",
        "borrower_registered",
        "finance.borrower.registered",
    ),
)
"""Every consumer of every event of the project."""


@dataclass(frozen=True)
class Topology:
    """Exchange and queue names, prefixed by ``namespace`` when it is not empty."""

    namespace: str = ""

    def name(self, base: str) -> str:
        """``base`` in this namespace."""
        return f"{self.namespace}.{base}" if self.namespace else base

    @property
    def exchange(self) -> str:
        """The topic exchange every event is published to."""
        return self.name(EVENTS_EXCHANGE)

    @property
    def dead_letter_exchange(self) -> str:
        """The direct exchange dead letters go through."""
        return self.name(EVENTS_DLX)

    def queue(self, subscription: Subscription) -> str:
        """The queue of one consumer service for one event."""
        return self.name(f"{subscription.service_name}.{subscription.event_snake}")

    def dead_letter_queue(self, service_name: str) -> str:
        """The queue holding the messages a consumer service gave up on."""
        return self.name(f"{service_name}.dlq")

    @staticmethod
    def retry_queue(queue_name: str) -> str:
        """The queue where messages of ``queue_name`` wait for their next attempt."""
        return f"{queue_name}.retry"

    def expiry_arguments(self) -> FieldTable:
        """Queue arguments of the namespace: namespaced queues expire when idle."""
        return {"x-expires": NAMESPACED_QUEUE_EXPIRES_MS} if self.namespace else {}


async def declare_exchanges(channel: AbstractChannel, topology: Topology) -> tuple[AbstractExchange, AbstractExchange]:
    """Declare the events exchange and the dead-letter exchange; return them in that order."""
    auto_delete = bool(topology.namespace)
    events = await channel.declare_exchange(
        topology.exchange,
        aio_pika.ExchangeType.TOPIC,
        durable=True,
        auto_delete=auto_delete,
    )
    dead_letters = await channel.declare_exchange(
        topology.dead_letter_exchange,
        aio_pika.ExchangeType.DIRECT,
        durable=True,
        auto_delete=auto_delete,
    )
    return events, dead_letters


async def declare_dead_letter_queue(channel: AbstractChannel, topology: Topology, service_name: str) -> AbstractQueue:
    """Declare ``<service>.dlq`` and bind it to the dead-letter exchange (exchanges declared first)."""
    name = topology.dead_letter_queue(service_name)
    queue = await channel.declare_queue(name, durable=True, arguments=topology.expiry_arguments())
    await queue.bind(topology.dead_letter_exchange, routing_key=name)
    return queue


async def declare_consumer_queue(
    channel: AbstractChannel,
    topology: Topology,
    subscription: Subscription,
) -> AbstractQueue:
    """Declare the queue of ``subscription`` with its dead-letter queue, bound to the events exchange."""
    await declare_dead_letter_queue(channel, topology, subscription.service_name)
    arguments: FieldTable = {
        "x-max-priority": MAX_PRIORITY,
        "x-dead-letter-exchange": topology.dead_letter_exchange,
        "x-dead-letter-routing-key": topology.dead_letter_queue(subscription.service_name),
        **topology.expiry_arguments(),
    }
    queue = await channel.declare_queue(topology.queue(subscription), durable=True, arguments=arguments)
    await queue.bind(topology.exchange, routing_key=subscription.routing_key)
    return queue


async def declare_retry_queue(channel: AbstractChannel, topology: Topology, queue_name: str) -> AbstractQueue:
    """Declare ``<queue>.retry``: its messages expire after their own delay and go back to ``queue_name``."""
    arguments: FieldTable = {
        "x-max-priority": MAX_PRIORITY,
        "x-dead-letter-exchange": "",
        "x-dead-letter-routing-key": queue_name,
        **topology.expiry_arguments(),
    }
    return await channel.declare_queue(Topology.retry_queue(queue_name), durable=True, arguments=arguments)


async def declare_subscriptions(
    channel: AbstractChannel,
    topology: Topology,
    subscriptions: tuple[Subscription, ...] = SUBSCRIPTIONS,
) -> AbstractExchange:
    """Declare the exchanges and every consumer queue; return the events exchange.

    The publisher declares the consumer queues too, so events published before a consumer first starts wait in
    its queue instead of being dropped as unroutable.
    """
    events, _ = await declare_exchanges(channel, topology)
    for subscription in subscriptions:
        await declare_consumer_queue(channel, topology, subscription)
    return events

"""The consumer on real RabbitMQ and Redis: consumption of published events, retries into the dead-letter queue,
duplicates handled once, and the worker's start, readiness and stop."""

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AsyncExitStack
from uuid import uuid4

import aio_pika
import pytest
from aio_pika.abc import AbstractChannel, AbstractRobustConnection
from redis.asyncio import Redis

from shared.messaging.idempotency import Claim, IdempotencyStore, RedisIdempotencyStore
from shared.messaging.publisher import ATTEMPT_HEADER, RabbitMqEventPublisher
from shared.messaging.topology import Subscription, Topology, declare_dead_letter_queue, declare_exchanges
from src.application.jobs import event_routes
from src.core.config import SERVICE_NAME, Settings
from src.domain.errors import RecoverableError
from src.infrastructure.business_api import BusinessApi
from src.infrastructure.consumer import EventConsumer, EventRoute, RetryPolicy
from src.infrastructure.metrics import DEAD_LETTERED, DUPLICATE, PROCESSED, RETRIED, MessageMetrics
from src.main import Worker, install_signal_handlers, main, open_dependencies, run
from tests.conftest import RABBITMQ_URL, eventually, needs_servers
from tests.fakes import (
    RULE_DOUBLE_URL,
    FakeBusinessApi,
    RuleDouble,
    sample_loan_application_submitted,
    sample_repayment_received,
)

pytestmark = needs_servers

ConsumerFactory = Callable[..., Awaitable[EventConsumer]]


@pytest.fixture
async def start_consumer(
    connection: AbstractRobustConnection,
    topology: Topology,
    store: RedisIdempotencyStore,
    metrics: MessageMetrics,
) -> AsyncIterator[ConsumerFactory]:
    """Start consumers on their own channel; they are stopped after the test."""
    started: list[EventConsumer] = []

    async def start(routes: Sequence[EventRoute], idempotency: IdempotencyStore | None = None) -> EventConsumer:
        consumer_channel = await connection.channel(publisher_confirms=True)
        consumer = EventConsumer(
            consumer_channel,
            topology,
            idempotency or store,
            routes,
            prefetch_count=10,
            retry=RetryPolicy(max_retries=2, delay_seconds=0.05, max_delay_seconds=0.2),
            metrics=metrics,
        )
        await consumer.start()
        started.append(consumer)
        return consumer

    yield start
    for consumer in started:
        await consumer.stop(grace_seconds=5)


@pytest.fixture
async def publisher(topology: Topology) -> AsyncIterator[RabbitMqEventPublisher]:
    """The business API's publisher, in the test's namespace."""
    event_publisher = RabbitMqEventPublisher(RABBITMQ_URL, topology)
    await event_publisher.connect()
    try:
        yield event_publisher
    finally:
        await event_publisher.close()


class Recorder:
    """A handler recording the bodies it gets, failing with ``error`` when set."""

    def __init__(self, error: Exception | None = None) -> None:
        self.bodies: list[bytes] = []
        self.error = error

    async def __call__(self, body: bytes) -> None:
        self.bodies.append(body)
        if self.error is not None:
            raise self.error


class FailOnce(Recorder):
    """Fails the first time with a recoverable error, succeeds afterwards."""

    async def __call__(self, body: bytes) -> None:
        self.bodies.append(body)
        if len(self.bodies) == 1:
            raise RecoverableError("try again")


def own_route(handler: Recorder, name: str) -> EventRoute:
    """A route of this service on a queue of the test's own."""
    return EventRoute(job=name, subscription=Subscription(SERVICE_NAME, name, f"test.{name}"), handle=handler)


async def publish_raw(
    channel: AbstractChannel,
    topology: Topology,
    routing_key: str,
    body: bytes,
    message_id: str,
) -> None:
    events, _ = await declare_exchanges(channel, topology)
    await events.publish(aio_pika.Message(body, message_id=message_id), routing_key=routing_key)


async def dead_letters(channel: AbstractChannel, topology: Topology) -> list[aio_pika.abc.AbstractIncomingMessage]:
    """Take every message of this service's dead-letter queue."""
    queue = await declare_dead_letter_queue(channel, topology, SERVICE_NAME)
    messages = []
    while (message := await queue.get(fail=False, timeout=5)) is not None:
        await message.ack()
        messages.append(message)
    return messages


async def test_score_application_consumes_what_the_business_api_publishes(
    start_consumer: ConsumerFactory,
    publisher: RabbitMqEventPublisher,
    fake_api: FakeBusinessApi,
    api: BusinessApi,
    metrics: MessageMetrics,
    store: RedisIdempotencyStore,
    topology: Topology,
    rule_doubles: dict[str, RuleDouble],
) -> None:
    consumer = await start_consumer(event_routes(api))
    event = sample_loan_application_submitted()

    await publisher.publish(event)

    queue = topology.name(
        "finance_scoring_worker.loan_application_submitted",
    )
    assert queue in consumer.queue_names

    async def processed() -> bool:
        return metrics.counts[(queue, PROCESSED)] == 1

    await eventually(processed)
    assert await store.state(str(event.event_id)) == "done"
    [(received, _)] = rule_doubles["score_application"].calls
    assert received.event_id == event.event_id, "the job ran its rule once, on the event"
    assert fake_api.paths() == [RULE_DOUBLE_URL]
    assert {request.headers["X-Request-ID"] for request in fake_api.requests} == {event.request_id}


async def test_score_application_invalid_message_is_dead_lettered_at_once(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    api: BusinessApi,
    fake_api: FakeBusinessApi,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    await start_consumer(event_routes(api))
    message_id = str(uuid4())

    await publish_raw(
        channel,
        topology,
        sample_loan_application_submitted().ROUTING_KEY,
        b"not json",
        message_id,
    )

    queue = topology.name(
        "finance_scoring_worker.loan_application_submitted",
    )

    async def dead_lettered() -> bool:
        return metrics.counts[(queue, DEAD_LETTERED)] == 1

    await eventually(dead_lettered)
    assert [message.message_id for message in await dead_letters(channel, topology)] == [message_id]
    assert metrics.counts[(queue, RETRIED)] == 0
    assert not fake_api.requests


async def test_rescore_after_repayment_consumes_what_the_business_api_publishes(
    start_consumer: ConsumerFactory,
    publisher: RabbitMqEventPublisher,
    fake_api: FakeBusinessApi,
    api: BusinessApi,
    metrics: MessageMetrics,
    store: RedisIdempotencyStore,
    topology: Topology,
    rule_doubles: dict[str, RuleDouble],
) -> None:
    consumer = await start_consumer(event_routes(api))
    event = sample_repayment_received()

    await publisher.publish(event)

    queue = topology.name(
        "finance_scoring_worker.repayment_received",
    )
    assert queue in consumer.queue_names

    async def processed() -> bool:
        return metrics.counts[(queue, PROCESSED)] == 1

    await eventually(processed)
    assert await store.state(str(event.event_id)) == "done"
    [(received, _)] = rule_doubles["rescore_after_repayment"].calls
    assert received.event_id == event.event_id, "the job ran its rule once, on the event"
    assert fake_api.paths() == [RULE_DOUBLE_URL]
    assert {request.headers["X-Request-ID"] for request in fake_api.requests} == {event.request_id}


async def test_rescore_after_repayment_invalid_message_is_dead_lettered_at_once(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    api: BusinessApi,
    fake_api: FakeBusinessApi,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    await start_consumer(event_routes(api))
    message_id = str(uuid4())

    await publish_raw(
        channel,
        topology,
        sample_repayment_received().ROUTING_KEY,
        b"not json",
        message_id,
    )

    queue = topology.name(
        "finance_scoring_worker.repayment_received",
    )

    async def dead_lettered() -> bool:
        return metrics.counts[(queue, DEAD_LETTERED)] == 1

    await eventually(dead_lettered)
    assert [message.message_id for message in await dead_letters(channel, topology)] == [message_id]
    assert metrics.counts[(queue, RETRIED)] == 0
    assert not fake_api.requests


async def test_poison_message_ends_in_the_dead_letter_queue_after_the_retries(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    handler = Recorder(RecoverableError("the API is down"))
    route = own_route(handler, "poison")
    await start_consumer([route])
    message_id = str(uuid4())

    await publish_raw(channel, topology, route.subscription.routing_key, b"{}", message_id)

    queue = topology.queue(route.subscription)

    async def dead_lettered() -> bool:
        return metrics.counts[(queue, DEAD_LETTERED)] == 1

    await eventually(dead_lettered)
    messages = await dead_letters(channel, topology)
    assert [message.message_id for message in messages] == [message_id]
    assert (messages[0].headers or {})[ATTEMPT_HEADER] == 2
    assert len(handler.bodies) == 3
    assert metrics.counts[(queue, RETRIED)] == 2


async def test_recoverable_failure_then_success_is_processed_once(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    handler = FailOnce()
    route = own_route(handler, "flaky")
    await start_consumer([route])
    await publish_raw(channel, topology, route.subscription.routing_key, b"{}", str(uuid4()))

    queue = topology.queue(route.subscription)

    async def processed() -> bool:
        return metrics.counts[(queue, PROCESSED)] == 1

    await eventually(processed)
    assert len(handler.bodies) == 2
    assert metrics.counts[(queue, RETRIED)] == 1
    assert await dead_letters(channel, topology) == []


async def test_same_message_twice_has_its_effect_once(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    handler = Recorder()
    route = own_route(handler, "twice")
    await start_consumer([route])
    message_id = str(uuid4())

    for _ in range(2):
        await publish_raw(channel, topology, route.subscription.routing_key, b"{}", message_id)

    queue = topology.queue(route.subscription)

    async def both_settled() -> bool:
        return metrics.counts[(queue, DUPLICATE)] == 1

    await eventually(both_settled)
    assert len(handler.bodies) == 1
    assert metrics.counts[(queue, PROCESSED)] == 1


async def test_message_handled_elsewhere_waits_and_is_not_run_twice(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
    store: RedisIdempotencyStore,
) -> None:
    handler = Recorder()
    route = own_route(handler, "elsewhere")
    await start_consumer([route])
    message_id = str(uuid4())
    assert await store.claim(message_id) is Claim.CLAIMED

    await publish_raw(channel, topology, route.subscription.routing_key, b"{}", message_id)

    queue = topology.queue(route.subscription)

    async def retried() -> bool:
        return metrics.counts[(queue, RETRIED)] >= 1

    await eventually(retried)
    await store.mark_done(message_id)

    async def skipped() -> bool:
        return metrics.counts[(queue, DUPLICATE)] == 1

    await eventually(skipped)
    assert handler.bodies == []
    assert metrics.counts[(queue, DEAD_LETTERED)] == 0


async def test_redis_down_retries_without_running(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
) -> None:
    handler = Recorder()
    route = own_route(handler, "no_redis")
    unreachable = Redis.from_url("redis://127.0.0.1:9/0")
    down = RedisIdempotencyStore(unreachable, "down", processing_ttl_seconds=1, done_ttl_seconds=1)
    consumer = await start_consumer([route], down)
    try:
        await publish_raw(channel, topology, route.subscription.routing_key, b"{}", str(uuid4()))

        async def retried_twice() -> bool:
            return metrics.counts[(topology.queue(route.subscription), RETRIED)] >= 2

        await eventually(retried_twice)
    finally:
        assert await consumer.stop(grace_seconds=5)
        await unreachable.aclose()

    assert handler.bodies == []
    assert metrics.counts[(topology.queue(route.subscription), DEAD_LETTERED)] == 0


async def test_unexpected_error_is_dead_lettered(
    start_consumer: ConsumerFactory,
    channel: AbstractChannel,
    metrics: MessageMetrics,
    topology: Topology,
    store: RedisIdempotencyStore,
) -> None:
    handler = Recorder(ValueError("a bug"))
    route = own_route(handler, "buggy")
    await start_consumer([route])
    message_id = str(uuid4())

    await publish_raw(channel, topology, route.subscription.routing_key, b"{}", message_id)

    async def dead_lettered() -> bool:
        return metrics.counts[(topology.queue(route.subscription), DEAD_LETTERED)] == 1

    await eventually(dead_lettered)
    assert len(handler.bodies) == 1
    assert await store.state(message_id) is None


async def test_worker_runs_reports_ready_and_stops(settings: Settings, metrics: MessageMetrics, redis: Redis) -> None:
    stop = asyncio.Event()
    async with AsyncExitStack() as stack:
        dependencies = await open_dependencies(settings, stack)
        worker = Worker(settings, dependencies, metrics)
        assert await worker.readiness() == "Not consuming from RabbitMQ."
        await worker.start()
        assert await worker.readiness() is None
        running = asyncio.create_task(worker.run_until(stop))
        await asyncio.sleep(0.1)
        stop.set()
        await asyncio.wait_for(running, timeout=10)
        assert await worker.readiness() == "The worker is shutting down."


async def test_run_until_stopped(settings: Settings, metrics: MessageMetrics) -> None:
    stop = asyncio.Event()
    running = asyncio.create_task(run(settings, stop, metrics))
    await asyncio.sleep(0.5)
    assert not running.done()

    stop.set()
    await asyncio.wait_for(running, timeout=15)

    assert running.exception() is None


async def test_sigterm_stops_main(settings: Settings) -> None:
    running = asyncio.create_task(main(settings))
    await asyncio.sleep(0.5)
    assert not running.done(), "main() must still be running before it is signalled"

    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(running, timeout=15)

    assert running.exception() is None


async def test_signal_handlers_set_the_stop_event() -> None:
    stop = asyncio.Event()
    remove = install_signal_handlers(stop)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        await asyncio.wait_for(stop.wait(), timeout=5)
    finally:
        remove()

    assert stop.is_set()

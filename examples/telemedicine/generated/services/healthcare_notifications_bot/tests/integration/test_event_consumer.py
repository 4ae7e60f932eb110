"""The event consumer against a real RabbitMQ (``RABBITMQ_URL``), in a namespace of its own per test.

Events are claimed (``shared.messaging.idempotency``) in the real Redis when ``REDIS_URL`` is set, in memory
otherwise, with a short processing TTL so that the claim of a crashed run expires within the test.
"""

import asyncio
import json
import os
from collections.abc import AsyncIterator
from uuid import uuid4

import aio_pika
import pytest
from aiogram import Bot

from shared.messaging.idempotency import Claim, IdempotencyStore, MemoryIdempotencyStore, RedisIdempotencyStore
from shared.messaging.topology import Topology
from src.core.config import SERVICE_NAME
from src.infrastructure.event_consumer import BINDINGS, EventBinding, EventConsumer
from src.infrastructure.redis import open_redis
from src.infrastructure.subscriptions import MemoryChatSubscriptions
from src.notifications.notifier import Notifier
from tests.events import SAMPLES
from tests.telegram import RecordingSession

RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")
CHAT_ID = 501
PROCESSING_TTL_SECONDS = 1
"""The claim of a crashed run expires after a second in these tests (the default is minutes)."""
IN_PROGRESS_RETRY_SECONDS = 0.2

pytestmark = pytest.mark.skipif(not RABBITMQ_URL, reason="RABBITMQ_URL is not set")


class BrokenNotifier(Notifier):
    """A notifier whose store is down."""

    async def broadcast(self, text: str, *, event: str) -> int:
        raise ConnectionError("Redis is down")


class WatchedStore:
    """An idempotency store that records every answer and release, so that a test can wait for deliveries."""

    def __init__(self, store: IdempotencyStore) -> None:
        self.store = store
        self.answers: list[Claim] = []
        self.claimed: list[str] = []
        self.released: list[str] = []
        self.done: list[str] = []
        self._changed = asyncio.Condition()

    async def claim(self, message_id: str) -> Claim:
        answer = await self.store.claim(message_id)
        if answer is Claim.CLAIMED:
            self.claimed.append(message_id)
        async with self._changed:
            self.answers.append(answer)
            self._changed.notify_all()
        return answer

    async def mark_done(self, message_id: str) -> None:
        await self.store.mark_done(message_id)
        async with self._changed:
            self.done.append(message_id)
            self._changed.notify_all()

    async def release(self, message_id: str) -> None:
        await self.store.release(message_id)
        self.released.append(message_id)

    async def wait_for(self, answer: Claim) -> None:
        """Wait until a claim has been answered with ``answer``."""
        async with self._changed:
            await self._changed.wait_for(lambda: answer in self.answers)

    async def wait_for_done(self, message_id: str) -> None:
        """Wait until ``message_id`` has been marked done."""
        async with self._changed:
            await self._changed.wait_for(lambda: message_id in self.done)


@pytest.fixture
async def idempotency() -> AsyncIterator[WatchedStore]:
    """Claims in the bot's Redis database under a scope of the test's own when ``REDIS_URL`` is set (deleted after
    the test), else in memory; a processing claim lasts ``PROCESSING_TTL_SECONDS``."""
    if not REDIS_URL:
        yield WatchedStore(MemoryIdempotencyStore(processing_ttl_seconds=PROCESSING_TTL_SECONDS))
        return
    redis = open_redis(REDIS_URL)
    scope = f"test-{uuid4().hex[:12]}.{SERVICE_NAME}"
    yield WatchedStore(RedisIdempotencyStore(redis, scope, processing_ttl_seconds=PROCESSING_TTL_SECONDS))
    keys = [key async for key in redis.scan_iter(match=f"idempotency:{scope}:*")]
    if keys:
        await redis.delete(*keys)
    await redis.aclose()


@pytest.fixture
async def topology() -> AsyncIterator[Topology]:
    """A private namespace; its queues are deleted after the test (its exchanges then go by themselves)."""
    namespace = Topology(namespace=f"test-{uuid4().hex[:12]}")
    yield namespace
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        for binding in BINDINGS:
            await channel.queue_delete(namespace.queue(binding.subscription))
        await channel.queue_delete(namespace.dead_letter_queue(SERVICE_NAME))


async def _start(topology: Topology, notifier: Notifier, idempotency: IdempotencyStore) -> EventConsumer:
    consumer = EventConsumer(
        RABBITMQ_URL,
        notifier,
        idempotency=idempotency,
        topology=topology,
        in_progress_retry_seconds=IN_PROGRESS_RETRY_SECONDS,
    )
    await consumer.start()
    return consumer


@pytest.fixture
async def consumer(topology: Topology, bot: Bot, idempotency: WatchedStore) -> AsyncIterator[EventConsumer]:
    """A started consumer notifying one subscribed chat."""
    subscriptions = MemoryChatSubscriptions()
    await subscriptions.add(CHAT_ID)
    event_consumer = await _start(topology, Notifier(bot, subscriptions), idempotency)
    yield event_consumer
    await event_consumer.close()


def _sample(binding: EventBinding) -> bytes:
    return json.dumps(SAMPLES[binding.subscription.event_snake](1)).encode()


async def _publish(topology: Topology, routing_key: str, body: bytes, *, times: int = 1) -> None:
    """Publish ``body`` as the business API does (``message_id`` = the event id when it has one), ``times`` times."""
    try:
        message_id = str(json.loads(body)["event_id"])
    except (ValueError, KeyError):
        message_id = None
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        exchange = await channel.get_exchange(topology.exchange)
        for _ in range(times):
            message = aio_pika.Message(body, content_type="application/json", priority=5, message_id=message_id)
            await exchange.publish(message, routing_key)


async def _next_dead_letter(topology: Topology) -> bytes:
    connection = await aio_pika.connect_robust(RABBITMQ_URL)
    async with connection:
        channel = await connection.channel()
        dead_letters = await channel.get_queue(topology.dead_letter_queue(SERVICE_NAME))
        async with dead_letters.iterator() as messages:
            message = await asyncio.wait_for(anext(messages), timeout=10)
            await message.ack()
    return message.body


async def test_every_event_notifies_the_subscribed_chats(
    consumer: EventConsumer,
    topology: Topology,
    session: RecordingSession,
) -> None:
    assert consumer.is_connected
    for binding in BINDINGS:
        body = _sample(binding)
        session.sent.clear()

        await _publish(topology, binding.subscription.routing_key, body)
        await asyncio.wait_for(session.sent.wait(), timeout=10)

        assert session.sent_texts(CHAT_ID)[-1] == binding.to_notification(body).text


async def test_an_event_delivered_twice_notifies_once(
    consumer: EventConsumer,
    topology: Topology,
    session: RecordingSession,
    idempotency: WatchedStore,
) -> None:
    binding = BINDINGS[0]
    body = _sample(binding)

    await _publish(topology, binding.subscription.routing_key, body, times=2)
    await asyncio.wait_for(idempotency.wait_for(Claim.DONE), timeout=10)

    assert idempotency.answers.count(Claim.CLAIMED) == 1
    assert idempotency.claimed == [json.loads(body)["event_id"]]
    assert session.sent_texts(CHAT_ID) == [binding.to_notification(body).text]


async def test_a_claim_left_processing_by_a_crashed_run_expires_and_the_redelivery_notifies(
    consumer: EventConsumer,
    topology: Topology,
    session: RecordingSession,
    idempotency: WatchedStore,
) -> None:
    binding = BINDINGS[0]
    body = _sample(binding)
    event_id = json.loads(body)["event_id"]
    assert await idempotency.store.claim(event_id) is Claim.CLAIMED, "a run claimed the event and crashed"

    await _publish(topology, binding.subscription.routing_key, body)
    await asyncio.wait_for(idempotency.wait_for(Claim.IN_PROGRESS), timeout=10)
    sent_while_claimed = list(session.sent_texts(CHAT_ID))
    await asyncio.wait_for(idempotency.wait_for_done(event_id), timeout=10 + PROCESSING_TTL_SECONDS)

    assert sent_while_claimed == [], "the event was not acknowledged as a duplicate of the crashed run"
    assert idempotency.claimed == [event_id], "claimed again once the crashed run's claim expired"
    assert session.sent_texts(CHAT_ID) == [binding.to_notification(body).text]
    assert await idempotency.store.claim(event_id) is Claim.DONE


async def test_a_malformed_event_is_dead_lettered(
    consumer: EventConsumer,
    topology: Topology,
    session: RecordingSession,
) -> None:
    await _publish(topology, BINDINGS[0].subscription.routing_key, b"not an event")

    assert await _next_dead_letter(topology) == b"not an event"
    assert session.sent_texts(CHAT_ID) == []


async def test_an_event_that_cannot_be_notified_is_dead_lettered_and_unclaimed(
    topology: Topology,
    bot: Bot,
    idempotency: WatchedStore,
) -> None:
    consumer = await _start(topology, BrokenNotifier(bot, MemoryChatSubscriptions()), idempotency)
    body = _sample(BINDINGS[0])
    event_id = json.loads(body)["event_id"]
    try:
        await _publish(topology, BINDINGS[0].subscription.routing_key, body)
        dead_letter = await _next_dead_letter(topology)
    finally:
        await consumer.close()

    assert json.loads(dead_letter)["event_id"] == event_id
    assert idempotency.released == [event_id]
    assert await idempotency.claim(event_id) is Claim.CLAIMED, "the claim was released: a replay of the event notifies"
    assert not consumer.is_connected

"""Each event is notified once: the shared in-memory idempotency store, and the consumer's claims of events."""

import json
from typing import cast

import pytest
from aio_pika.abc import AbstractIncomingMessage
from aiogram import Bot

from shared.messaging.idempotency import (
    DEFAULT_DONE_TTL_SECONDS,
    DEFAULT_PROCESSING_TTL_SECONDS,
    DONE,
    PROCESSING,
    Claim,
    IdempotencyStore,
    MemoryIdempotencyStore,
    RedisIdempotencyStore,
    idempotency_key,
)
from src.core.config import SERVICE_NAME, Settings
from src.infrastructure.event_consumer import BINDINGS, EventConsumer
from src.infrastructure.redis import build_idempotency_store, open_redis
from src.infrastructure.subscriptions import MemoryChatSubscriptions
from src.notifications.notifier import Notifier
from tests.events import SAMPLES
from tests.telegram import RecordingSession

CHAT_ID = 601


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(clock: Clock) -> MemoryIdempotencyStore:
    """Claims in memory: processing for 10 s, done for 100 s."""
    return MemoryIdempotencyStore(processing_ttl_seconds=10, done_ttl_seconds=100, clock=clock)


async def test_a_message_is_claimed_then_done(store: MemoryIdempotencyStore) -> None:
    first, second = await store.claim("m-1"), await store.claim("m-1")
    processing = await store.state("m-1")
    await store.mark_done("m-1")

    assert (first, second, processing) == (Claim.CLAIMED, Claim.IN_PROGRESS, PROCESSING)
    assert await store.claim("m-1") is Claim.DONE
    assert await store.state("m-1") == DONE
    assert await store.claim("m-2") is Claim.CLAIMED


async def test_a_released_claim_can_be_claimed_again(store: MemoryIdempotencyStore) -> None:
    await store.claim("m-1")
    await store.release("m-1")
    await store.release("never-claimed")

    assert await store.state("m-1") is None
    assert await store.claim("m-1") is Claim.CLAIMED


async def test_a_processing_claim_expires_after_the_short_ttl(store: MemoryIdempotencyStore, clock: Clock) -> None:
    await store.claim("m-1")
    clock.now += 9.9
    still_claimed = await store.claim("m-1")
    clock.now += 0.1

    assert still_claimed is Claim.IN_PROGRESS
    assert await store.claim("m-1") is Claim.CLAIMED, "the claim of a crashed run expired"


async def test_a_done_message_is_remembered_for_the_long_ttl(store: MemoryIdempotencyStore, clock: Clock) -> None:
    await store.claim("m-1")
    await store.mark_done("m-1")
    clock.now += 99
    remembered = await store.claim("m-1")
    clock.now += 1

    assert remembered is Claim.DONE
    assert await store.claim("m-1") is Claim.CLAIMED


async def test_the_memory_store_forgets_the_oldest_messages_first(clock: Clock) -> None:
    store = MemoryIdempotencyStore(max_messages=2, clock=clock)
    for message_id in ("m-1", "m-2", "m-3"):
        assert await store.claim(message_id) is Claim.CLAIMED
    await store.mark_done("m-2")
    await store.claim("m-4")

    assert await store.claim("m-1") is Claim.CLAIMED
    assert await store.state("m-2") is None, "m-2 was the oldest entry left when m-1 came back"
    assert await store.claim("m-4") is Claim.IN_PROGRESS


def test_defaults_keep_claims_short_and_done_messages_for_a_day() -> None:
    settings = Settings()

    assert (settings.processing_ttl_seconds, settings.idempotency_ttl_seconds) == (
        DEFAULT_PROCESSING_TTL_SECONDS,
        DEFAULT_DONE_TTL_SECONDS,
    )
    assert DEFAULT_DONE_TTL_SECONDS == 24 * 60 * 60


async def test_without_redis_the_bot_claims_events_in_memory() -> None:
    store = build_idempotency_store(None, Settings(processing_ttl_seconds=7))

    assert isinstance(store, MemoryIdempotencyStore)
    assert await store.claim("e-1") is Claim.CLAIMED


async def test_with_redis_the_bot_claims_events_under_its_service_name() -> None:
    redis = open_redis("redis://localhost:6379/0")
    try:
        store = build_idempotency_store(redis, Settings())
    finally:
        await redis.aclose()

    assert isinstance(store, RedisIdempotencyStore)
    assert store.key("e-1") == idempotency_key(SERVICE_NAME, "e-1") == f"idempotency:{SERVICE_NAME}:e-1"


class FakeMessage:
    """An AMQP delivery: its body, and what the consumer answered."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.outcomes: list[str] = []

    async def ack(self) -> None:
        self.outcomes.append("ack")

    async def reject(self, requeue: bool = False) -> None:
        self.outcomes.append("requeue" if requeue else "reject")


class BrokenNotifier(Notifier):
    """A notifier whose store is down."""

    async def broadcast(self, text: str, *, event: str) -> int:
        raise ConnectionError("Redis is down")


class BrokenStore(MemoryIdempotencyStore):
    """A store that is down: for claiming, or only afterwards (releasing, marking done)."""

    def __init__(self, *, claim_fails: bool) -> None:
        super().__init__()
        self._claim_fails = claim_fails

    async def claim(self, message_id: str) -> Claim:
        if self._claim_fails:
            raise ConnectionError("Redis is down")
        return await super().claim(message_id)

    async def mark_done(self, message_id: str) -> None:
        raise ConnectionError("Redis is down")

    async def release(self, message_id: str) -> None:
        raise ConnectionError("Redis is down")


def _delivery(body: bytes) -> tuple[FakeMessage, AbstractIncomingMessage]:
    message = FakeMessage(body)
    return message, cast(AbstractIncomingMessage, message)


def _sample() -> tuple[bytes, str]:
    event = SAMPLES[BINDINGS[0].subscription.event_snake](1)
    return json.dumps(event).encode(), str(event["event_id"])


def _consumer(notifier: Notifier, idempotency: IdempotencyStore | None = None) -> EventConsumer:
    return EventConsumer("amqp://unused", notifier, idempotency=idempotency, in_progress_retry_seconds=0)


@pytest.fixture
async def notifier(bot: Bot) -> Notifier:
    """A notifier of one subscribed chat."""
    subscriptions = MemoryChatSubscriptions()
    await subscriptions.add(CHAT_ID)
    return Notifier(bot, subscriptions)


async def test_the_same_event_delivered_twice_notifies_once(
    notifier: Notifier,
    session: RecordingSession,
    store: MemoryIdempotencyStore,
) -> None:
    consumer = _consumer(notifier, store)
    body, event_id = _sample()
    first, first_delivery = _delivery(body)
    redelivered, second_delivery = _delivery(body)

    await consumer.handle(BINDINGS[0], first_delivery)
    await consumer.handle(BINDINGS[0], second_delivery)

    assert session.sent_texts(CHAT_ID) == [BINDINGS[0].to_notification(body).text]
    assert first.outcomes == ["ack"]
    assert redelivered.outcomes == ["ack"]
    assert await store.state(event_id) == DONE


async def test_a_failed_notification_releases_its_claim(
    bot: Bot,
    session: RecordingSession,
    store: MemoryIdempotencyStore,
) -> None:
    body, event_id = _sample()
    message, delivery = _delivery(body)

    await _consumer(BrokenNotifier(bot, MemoryChatSubscriptions()), store).handle(BINDINGS[0], delivery)

    assert message.outcomes == ["reject"]
    assert await store.state(event_id) is None
    assert await store.claim(event_id) is Claim.CLAIMED


async def test_a_retry_after_a_failure_notifies(
    bot: Bot,
    notifier: Notifier,
    session: RecordingSession,
    store: MemoryIdempotencyStore,
) -> None:
    body, _ = _sample()
    failed, failed_delivery = _delivery(body)
    retried, retried_delivery = _delivery(body)

    await _consumer(BrokenNotifier(bot, MemoryChatSubscriptions()), store).handle(BINDINGS[0], failed_delivery)
    await _consumer(notifier, store).handle(BINDINGS[0], retried_delivery)

    assert (failed.outcomes, retried.outcomes) == (["reject"], ["ack"])
    assert session.sent_texts(CHAT_ID) == [BINDINGS[0].to_notification(body).text]


async def test_an_event_claimed_by_a_crashed_run_is_requeued_until_its_claim_expires(
    notifier: Notifier,
    session: RecordingSession,
    store: MemoryIdempotencyStore,
    clock: Clock,
) -> None:
    body, event_id = _sample()
    assert await store.claim(event_id) is Claim.CLAIMED, "a run claimed the event, then crashed before notifying"
    early, early_delivery = _delivery(body)
    late, late_delivery = _delivery(body)

    await _consumer(notifier, store).handle(BINDINGS[0], early_delivery)
    sent_while_claimed = list(session.sent_texts(CHAT_ID))
    clock.now += 10
    await _consumer(notifier, store).handle(BINDINGS[0], late_delivery)

    assert early.outcomes == ["requeue"], "not acknowledged as a duplicate: the crashed run never notified"
    assert sent_while_claimed == []
    assert late.outcomes == ["ack"]
    assert session.sent_texts(CHAT_ID) == [BINDINGS[0].to_notification(body).text]
    assert await store.state(event_id) == DONE


async def test_an_event_in_progress_is_left_to_the_broker_when_the_channel_closed(
    notifier: Notifier,
    session: RecordingSession,
    store: MemoryIdempotencyStore,
) -> None:
    class ClosedChannelMessage(FakeMessage):
        async def reject(self, requeue: bool = False) -> None:
            raise ConnectionError("channel closed")

    body, event_id = _sample()
    await store.claim(event_id)
    message = ClosedChannelMessage(body)

    await _consumer(notifier, store).handle(BINDINGS[0], cast(AbstractIncomingMessage, message))

    assert message.outcomes == []
    assert session.sent_texts(CHAT_ID) == []


async def test_an_event_is_dead_lettered_when_it_cannot_be_claimed(
    notifier: Notifier,
    session: RecordingSession,
) -> None:
    body, _ = _sample()
    message, delivery = _delivery(body)

    await _consumer(notifier, BrokenStore(claim_fails=True)).handle(BINDINGS[0], delivery)

    assert message.outcomes == ["reject"]
    assert session.sent_texts(CHAT_ID) == []


async def test_a_claim_that_cannot_be_released_still_dead_letters(bot: Bot) -> None:
    body, _ = _sample()
    message, delivery = _delivery(body)
    consumer = _consumer(BrokenNotifier(bot, MemoryChatSubscriptions()), BrokenStore(claim_fails=False))

    await consumer.handle(BINDINGS[0], delivery)

    assert message.outcomes == ["reject"]


async def test_a_notified_event_is_acknowledged_even_if_it_cannot_be_marked_done(
    notifier: Notifier,
    session: RecordingSession,
) -> None:
    body, _ = _sample()
    message, delivery = _delivery(body)

    await _consumer(notifier, BrokenStore(claim_fails=False)).handle(BINDINGS[0], delivery)

    assert message.outcomes == ["ack"]
    assert len(session.sent_texts(CHAT_ID)) == 1


async def test_the_consumer_keeps_claims_in_memory_by_default(notifier: Notifier, session: RecordingSession) -> None:
    consumer = EventConsumer("amqp://unused", notifier)
    body, _ = _sample()

    for _ in range(2):
        _, delivery = _delivery(body)
        await consumer.handle(BINDINGS[0], delivery)

    assert len(session.sent_texts(CHAT_ID)) == 1

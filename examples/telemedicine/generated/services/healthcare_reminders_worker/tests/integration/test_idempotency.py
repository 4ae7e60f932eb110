"""The shared idempotency store this worker relies on (``shared.messaging.idempotency``), in the real Redis."""

import asyncio
from collections.abc import AsyncIterator
from typing import cast
from uuid import uuid4

import httpx
import pytest
from aio_pika.abc import AbstractRobustConnection
from redis.asyncio import Redis

from shared.messaging.idempotency import DONE, PROCESSING, Claim, IdempotencyStore, RedisIdempotencyStore
from src.core.config import SERVICE_NAME, Settings
from src.infrastructure.metrics import MessageMetrics
from src.main import Dependencies, Worker
from tests.conftest import REDIS_URL, needs_servers

pytestmark = needs_servers


@pytest.fixture
def message_id() -> str:
    return str(uuid4())


@pytest.fixture
async def cleanup(redis: Redis) -> AsyncIterator[list[str]]:
    """Keys deleted after the test."""
    keys: list[str] = []
    yield keys
    if keys:
        await redis.delete(*keys)


async def test_a_claim_is_processing_for_the_short_ttl_then_done_for_the_long_one(
    redis: Redis,
    topology_scope: str,
    message_id: str,
    cleanup: list[str],
) -> None:
    store = RedisIdempotencyStore(redis, topology_scope, processing_ttl_seconds=60, done_ttl_seconds=600)
    key = store.key(message_id)
    cleanup.append(key)

    first, second = await store.claim(message_id), await store.claim(message_id)
    processing, processing_ttl = await redis.get(key), await redis.ttl(key)
    await store.mark_done(message_id)
    done, done_ttl = await redis.get(key), await redis.ttl(key)
    again = await store.claim(message_id)

    assert key == f"idempotency:{topology_scope}:{message_id}"
    assert (first, second, again) == (Claim.CLAIMED, Claim.IN_PROGRESS, Claim.DONE)
    assert (processing, done) == (PROCESSING, DONE)
    assert 0 < processing_ttl <= 60
    assert 60 < done_ttl <= 600


async def test_a_released_claim_can_be_claimed_again(
    redis: Redis,
    topology_scope: str,
    message_id: str,
    cleanup: list[str],
) -> None:
    store: IdempotencyStore = RedisIdempotencyStore(redis, topology_scope)
    cleanup.append(f"idempotency:{topology_scope}:{message_id}")

    assert await store.claim(message_id) is Claim.CLAIMED
    await store.release(message_id)
    await store.release(message_id)

    assert await store.claim(message_id) is Claim.CLAIMED


async def test_the_claim_of_a_crashed_run_expires(
    redis: Redis,
    topology_scope: str,
    message_id: str,
    cleanup: list[str],
) -> None:
    crashed = RedisIdempotencyStore(redis, topology_scope, processing_ttl_seconds=1)
    cleanup.append(crashed.key(message_id))
    assert await crashed.claim(message_id) is Claim.CLAIMED

    assert await crashed.claim(message_id) is Claim.IN_PROGRESS
    await asyncio.sleep(1.2)

    assert await crashed.state(message_id) is None
    assert await crashed.claim(message_id) is Claim.CLAIMED


async def test_replicas_share_claims_whatever_their_decoding(
    redis: Redis,
    topology_scope: str,
    message_id: str,
    cleanup: list[str],
) -> None:
    raw = Redis.from_url(REDIS_URL)
    try:
        here, there = RedisIdempotencyStore(redis, topology_scope), RedisIdempotencyStore(raw, topology_scope)
        cleanup.append(here.key(message_id))
        claimed = await here.claim(message_id)
        busy_there = await there.claim(message_id)
        await here.mark_done(message_id)
        done_there, state_there = await there.claim(message_id), await there.state(message_id)
    finally:
        await raw.aclose()

    assert (claimed, busy_there, done_there, state_there) == (Claim.CLAIMED, Claim.IN_PROGRESS, Claim.DONE, DONE)


async def test_the_worker_keys_its_claims_by_namespace_and_service(
    settings: Settings,
    redis: Redis,
    metrics: MessageMetrics,
) -> None:
    async with httpx.AsyncClient() as http_client:
        dependencies = Dependencies(
            connection=cast(AbstractRobustConnection, None),
            redis=redis,
            http_client=http_client,
        )
        worker = Worker(settings, dependencies, metrics)

    assert worker.store.key("m-1") == f"idempotency:{settings.events_namespace}.{SERVICE_NAME}:m-1"
    assert settings.processing_ttl_seconds < settings.idempotency_ttl_seconds

"""Fixtures: the fake business API, and (when RABBITMQ_URL and REDIS_URL are set) real RabbitMQ and Redis
in a namespace of the test's own, so that parallel runs never share a queue or a key."""

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from uuid import uuid4

import aio_pika
import pytest
from aio_pika.abc import AbstractChannel, AbstractRobustConnection
from redis.asyncio import Redis

from shared.messaging.idempotency import RedisIdempotencyStore
from shared.messaging.topology import Topology
from src.application import jobs
from src.core.config import SERVICE_NAME, Settings
from src.infrastructure.business_api import BusinessApi
from src.infrastructure.metrics import MessageMetrics
from tests.fakes import JOB_RULES, FakeBusinessApi, RuleDouble

RABBITMQ_URL = os.environ.get("RABBITMQ_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

needs_servers = pytest.mark.skipif(
    not (RABBITMQ_URL and REDIS_URL),
    reason="RABBITMQ_URL and REDIS_URL are not set",
)


async def eventually(condition: Callable[[], Awaitable[bool]], within: float = 15.0) -> None:
    """Wait until ``condition`` holds; fail after ``within`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await condition():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


RULES_TESTS_DIR = Path(__file__).resolve().parent / "unit" / "rules"


@pytest.fixture(autouse=True)
def rule_doubles(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dict[str, RuleDouble]:
    """amgen's tests check the plumbing, never what a rule decides: in them every job runs a :class:`RuleDouble`
    (returned here by job name) instead of its rule. The tests under ``tests/unit/rules`` (yours, like the rules) run
    the real rules.
    """
    doubles = {job: RuleDouble(job) for job in JOB_RULES}
    if RULES_TESTS_DIR not in Path(request.node.path).resolve().parents:
        for job, double in doubles.items():
            monkeypatch.setattr(jobs, job, double)
    return doubles


@pytest.fixture
def fake_api() -> FakeBusinessApi:
    return FakeBusinessApi()


@pytest.fixture
async def api(fake_api: FakeBusinessApi) -> AsyncIterator[BusinessApi]:
    """The business API client, answered by the fake."""
    async with fake_api.client() as http_client:
        yield BusinessApi(http_client)


@pytest.fixture
def metrics() -> MessageMetrics:
    return MessageMetrics()


@pytest.fixture
def topology() -> Topology:
    return Topology(f"test-{uuid4().hex[:12]}")


@pytest.fixture
def settings(topology: Topology) -> Settings:
    """Settings of a worker in the test's namespace, retrying fast."""
    return Settings(
        rabbitmq_url=RABBITMQ_URL or "amqp://guest:guest@127.0.0.1:9/",
        redis_url=REDIS_URL or "redis://127.0.0.1:9/0",
        api_url="http://business-api",
        events_namespace=topology.namespace,
        max_retries=2,
        retry_delay_seconds=0.05,
        retry_max_delay_seconds=0.2,
        shutdown_grace_seconds=10.0,
        http_host="127.0.0.1",
        http_port=0,
    )


@pytest.fixture
async def connection() -> AsyncIterator[AbstractRobustConnection]:
    if not RABBITMQ_URL:
        pytest.skip("RABBITMQ_URL is not set")
    amqp = await aio_pika.connect_robust(RABBITMQ_URL)
    async with amqp:
        yield amqp


@pytest.fixture
async def channel(connection: AbstractRobustConnection) -> AbstractChannel:
    return await connection.channel()


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    if not REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    client = Redis.from_url(REDIS_URL, decode_responses=True)
    try:
        yield client
    finally:
        await client.aclose()


@pytest.fixture
def store(redis: Redis, topology: Topology) -> RedisIdempotencyStore:
    """The idempotency store of this service in the test's namespace."""
    return RedisIdempotencyStore(redis, topology.name(SERVICE_NAME), processing_ttl_seconds=60, done_ttl_seconds=600)


@pytest.fixture
def topology_scope(topology: Topology) -> str:
    """The Redis key scope of this service in the test's namespace."""
    return topology.name(SERVICE_NAME)

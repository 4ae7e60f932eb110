"""Subscribed chats, event claims (``shared.messaging.idempotency``) and FSM state in a real Redis (``REDIS_URL``),
in the bot's own database."""

import os
from collections.abc import AsyncIterator
from uuid import uuid4

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.context import FSMContext
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from redis.asyncio import Redis

from shared.messaging.idempotency import DONE, PROCESSING, Claim, RedisIdempotencyStore
from src.bot.dispatcher import build_dispatcher
from src.core.config import REDIS_DB, SERVICE_NAME, Settings
from src.infrastructure.api_client import BusinessApiClient
from src.infrastructure.redis import build_fsm_storage, build_idempotency_store, open_redis
from src.infrastructure.subscriptions import RedisChatSubscriptions
from tests.fake_api import FakeBusinessApi
from tests.telegram import BOT_USER, Conversation, RecordingSession

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set")


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    """A client of the bot's Redis database."""
    client = open_redis(REDIS_URL)
    yield client
    await client.aclose()


@pytest.fixture
async def storage() -> AsyncIterator[BaseStorage]:
    """FSM storage in Redis."""
    fsm_storage = build_fsm_storage(open_redis(REDIS_URL))
    yield fsm_storage
    await fsm_storage.close()


async def test_the_bot_uses_its_own_database(redis: Redis) -> None:
    assert redis.connection_pool.connection_kwargs["db"] == REDIS_DB
    assert await redis.ping()


async def test_subscriptions_are_kept_in_redis(redis: Redis) -> None:
    key = f"test:subscriptions:{uuid4().hex}"
    subscriptions = RedisChatSubscriptions(redis, key)
    try:
        added = [await subscriptions.add(chat_id) for chat_id in (30, 10, 30)]
        await subscriptions.remove(30)
        remaining = await subscriptions.chat_ids()
    finally:
        await redis.delete(key)

    assert added == [True, True, False]
    assert remaining == [10]


async def test_an_event_is_claimed_processing_then_done_under_the_bot_name(redis: Redis) -> None:
    settings = Settings(processing_ttl_seconds=30, idempotency_ttl_seconds=3_000)
    store = build_idempotency_store(redis, settings)
    assert isinstance(store, RedisIdempotencyStore)
    event_id = str(uuid4())
    key = f"idempotency:{SERVICE_NAME}:{event_id}"
    try:
        first, second = await store.claim(event_id), await store.claim(event_id)
        processing, processing_ttl = await redis.get(key), await redis.ttl(key)
        await store.release(event_id)
        released = await redis.exists(key)
        again = await store.claim(event_id)
        await store.mark_done(event_id)
        done, done_ttl = await redis.get(key), await redis.ttl(key)
        duplicate = await store.claim(event_id)
    finally:
        await redis.delete(key)

    assert store.key(event_id) == key
    assert (first, second, again, duplicate) == (Claim.CLAIMED, Claim.IN_PROGRESS, Claim.CLAIMED, Claim.DONE)
    assert (processing, done) == (PROCESSING, DONE)
    assert 0 < processing_ttl <= 30
    assert 30 < done_ttl <= 3_000
    assert released == 0


async def test_replicas_share_the_claims(redis: Redis) -> None:
    other_replica = open_redis(REDIS_URL)
    event_id = str(uuid4())
    here = build_idempotency_store(redis, Settings())
    try:
        claimed_here = await here.claim(event_id)
        claimed_there = await build_idempotency_store(other_replica, Settings()).claim(event_id)
        await here.mark_done(event_id)
        done_there = await build_idempotency_store(other_replica, Settings()).claim(event_id)
    finally:
        await here.release(event_id)
        await other_replica.aclose()

    assert (claimed_here, claimed_there, done_there) == (Claim.CLAIMED, Claim.IN_PROGRESS, Claim.DONE)


async def test_fsm_state_and_data_survive_in_redis(storage: BaseStorage) -> None:
    key = StorageKey(bot_id=BOT_USER.id, chat_id=int(uuid4().int % 10**9), user_id=7)
    state = FSMContext(storage=storage, key=key)

    await state.set_state("Form:question")
    await state.update_data(answers={"name": "Ada"})
    again = FSMContext(storage=storage, key=key)
    saved_state, saved_data = await again.get_state(), await again.get_data()
    await again.clear()

    assert saved_state == "Form:question"
    assert saved_data == {"answers": {"name": "Ada"}}
    assert await state.get_state() is None
    assert await state.get_data() == {}


async def test_invest_form_runs_on_redis(
    storage: BaseStorage,
    redis: Redis,
    settings: Settings,
    api: BusinessApiClient,
    fake_api: FakeBusinessApi,
    bot: Bot,
    session: RecordingSession,
) -> None:
    from src.bot.handlers.invest import FORM
    from tests.answers import answer_text
    from tests.fake_api import investment_values

    subscriptions = RedisChatSubscriptions(redis)
    dispatcher: Dispatcher = build_dispatcher(storage, settings=settings, api=api, subscriptions=subscriptions)
    chat = Conversation(dispatcher, bot, session, chat_id=int(uuid4().int % 10**9))
    values = investment_values(1)

    await chat.send("/invest")
    state_after_first_question = await chat.state()
    for form_field in FORM.fields:
        await chat.send(answer_text(values[form_field.name]))

    assert state_after_first_question == FORM.fields[0].state.state
    assert len(fake_api.items["investments"]) == 1
    assert await chat.state() is None

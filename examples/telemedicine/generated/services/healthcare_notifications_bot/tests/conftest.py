"""Fixtures: the bot's dispatcher wired to a recording Telegram session and a fake business API."""

from collections.abc import AsyncIterator

import httpx
import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage

from src.bot.dispatcher import build_dispatcher
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient
from src.infrastructure.subscriptions import MemoryChatSubscriptions
from tests.fake_api import API_BASE_URL, FakeBusinessApi
from tests.telegram import BOT_TOKEN, Conversation, RecordingSession


@pytest.fixture
def settings() -> Settings:
    """Settings of a bot in polling mode, without Redis or RabbitMQ."""
    return Settings(
        telegram_bot_token=BOT_TOKEN,
        bot_webhook_url=None,
        redis_url=None,
        rabbitmq_url=None,
        healthcare_telemedicine_api_url=API_BASE_URL,
    )


@pytest.fixture
def session() -> RecordingSession:
    """Telegram, recorded."""
    return RecordingSession()


@pytest.fixture
async def bot(session: RecordingSession) -> AsyncIterator[Bot]:
    """A bot talking to the recording session."""
    telegram = Bot(BOT_TOKEN, session=session)
    yield telegram
    await telegram.session.close()


@pytest.fixture
def fake_api() -> FakeBusinessApi:
    """The business API, in memory."""
    return FakeBusinessApi()


@pytest.fixture
async def api(fake_api: FakeBusinessApi) -> AsyncIterator[BusinessApiClient]:
    """The bot's API client, calling the fake business API."""
    transport = httpx.MockTransport(fake_api.handle)
    async with httpx.AsyncClient(transport=transport, base_url=API_BASE_URL) as http_client:
        yield BusinessApiClient(http_client)


@pytest.fixture
def subscriptions() -> MemoryChatSubscriptions:
    """Subscribed chats, in memory."""
    return MemoryChatSubscriptions()


@pytest.fixture
def dispatcher(settings: Settings, api: BusinessApiClient, subscriptions: MemoryChatSubscriptions) -> Dispatcher:
    """The bot's dispatcher with memory FSM storage."""
    return build_dispatcher(MemoryStorage(), settings=settings, api=api, subscriptions=subscriptions)


@pytest.fixture
def chat(dispatcher: Dispatcher, bot: Bot, session: RecordingSession) -> Conversation:
    """A user in a private chat with the bot."""
    return Conversation(dispatcher, bot, session)

"""The bot's HTTP server in-process: health, readiness and the Telegram webhook."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from src.bot.web import build_web_app, webhook_path
from src.bot.web import ReadinessCheck
from src.core.config import Settings
from tests.telegram import RecordingSession, message_update

SECRET = "s3cret-token"
Client = TestClient[web.Request, web.Application]
Checks = dict[str, ReadinessCheck]


async def _up() -> bool:
    return True


async def _down() -> bool:
    return False


async def _broken() -> bool:
    raise ConnectionError("refused")


def _server(settings: Settings, dispatcher: Dispatcher, bot: Bot, checks: Checks | None = None) -> TestServer:
    return TestServer(build_web_app(settings, dispatcher, bot, checks if checks is not None else {"api": _up}))


@pytest.fixture
async def polling_client(settings: Settings, dispatcher: Dispatcher, bot: Bot) -> AsyncIterator[Client]:
    """The server of a bot in polling mode."""
    async with TestClient(_server(settings, dispatcher, bot)) as client:
        yield client


@pytest.fixture
async def webhook_client(settings: Settings, dispatcher: Dispatcher, bot: Bot) -> AsyncIterator[Client]:
    """The server of a bot in webhook mode."""
    webhook = settings.model_copy(
        update={"bot_webhook_url": "https://bot.example.org/tg/updates", "bot_webhook_secret": SECRET}
    )
    async with TestClient(_server(webhook, dispatcher, bot)) as client:
        yield client


async def test_health(polling_client: Client) -> None:
    response = await polling_client.get("/health")

    assert response.status == 200
    assert await response.json() == {"status": "ok"}


async def test_no_webhook_in_polling_mode(polling_client: Client) -> None:
    response = await polling_client.post("/webhook", json={})

    assert response.status in (404, 405)


def test_the_webhook_path_comes_from_its_url(settings: Settings) -> None:
    assert webhook_path(settings.model_copy(update={"bot_webhook_url": "https://x.org/tg/updates"})) == "/tg/updates"
    assert webhook_path(settings.model_copy(update={"bot_webhook_url": "https://x.org"})) == "/webhook"


async def test_the_webhook_feeds_updates_to_the_dispatcher(
    webhook_client: Client,
    session: RecordingSession,
) -> None:
    update = message_update(77, "/help")

    response = await webhook_client.post(
        "/tg/updates",
        data=update.model_dump_json(exclude_none=True),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET},
    )
    await asyncio.wait_for(session.sent.wait(), timeout=5)

    assert response.status == 200
    assert "/help" in session.sent_texts(77)[0]


async def test_the_webhook_refuses_a_wrong_secret(
    webhook_client: Client,
    session: RecordingSession,
) -> None:
    response = await webhook_client.post(
        "/tg/updates",
        data=message_update(78, "/help").model_dump_json(exclude_none=True),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "wrong"},
    )

    assert response.status == 401
    assert session.sent_texts(78) == []


async def test_ready_when_every_dependency_answers(settings: Settings, dispatcher: Dispatcher, bot: Bot) -> None:
    async with TestClient(_server(settings, dispatcher, bot, {"api": _up, "redis": _up})) as client:
        response = await client.get("/ready")

        assert response.status == 200
        assert await response.json() == {"status": "ready"}


async def test_not_ready_names_the_dependencies_that_are_down(
    settings: Settings, dispatcher: Dispatcher, bot: Bot
) -> None:
    checks: Checks = {"api": _up, "redis": _down, "rabbitmq": _broken}
    async with TestClient(_server(settings, dispatcher, bot, checks)) as client:
        response = await client.get("/ready")
        body = await response.json(content_type=None)

    assert response.status == 503
    assert response.headers["Content-Type"].startswith("application/problem+json")
    assert body["detail"] == "Not reachable: rabbitmq, redis."

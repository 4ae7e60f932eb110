"""The whole bot process: started in polling or webhook mode with Telegram recorded, then stopped."""

import asyncio
import os
import signal

import httpx
import pytest
from aiogram import Bot
from aiogram.methods import DeleteWebhook, SetMyCommands, SetWebhook

from src.bot.commands import BOT_COMMANDS
from src.core.config import Settings
from src.main import build_bot, run, stop_on_signals
from src.main import readiness_checks
from tests.telegram import RecordingSession


@pytest.fixture
def process_settings(settings: Settings) -> Settings:
    """Settings of a process on a free port, with Redis when ``REDIS_URL`` is set."""
    return settings.model_copy(
        update={"bot_host": "127.0.0.1", "bot_port": 0, "redis_url": os.environ.get("REDIS_URL") or None}
    )


async def test_the_bot_talks_to_telegram_or_to_the_configured_bot_api_server(settings: Settings) -> None:
    default = build_bot(settings)
    local = build_bot(settings.model_copy(update={"telegram_api_url": "http://127.0.0.1:8081"}))
    try:
        assert default.session.api.api_url(token="T", method="getMe") == "https://api.telegram.org/botT/getMe"
        assert local.session.api.api_url(token="T", method="getMe") == "http://127.0.0.1:8081/botT/getMe"
    finally:
        await default.session.close()
        await local.session.close()


async def test_polling_mode_runs_until_stopped(
    process_settings: Settings,
    bot: Bot,
    session: RecordingSession,
) -> None:
    stop = asyncio.Event()
    process = asyncio.create_task(run(process_settings, bot=bot, stop=stop))

    await asyncio.wait_for(session.polled.wait(), timeout=10)
    stop.set()
    await asyncio.wait_for(process, timeout=10)

    assert session.methods(DeleteWebhook)
    commands = session.methods(SetMyCommands)
    assert isinstance(commands[0], SetMyCommands)
    assert [command.command for command in commands[0].commands] == [command.command for command in BOT_COMMANDS]
    assert session.closed


async def test_webhook_mode_registers_the_webhook(
    process_settings: Settings,
    bot: Bot,
    session: RecordingSession,
) -> None:
    settings = process_settings.model_copy(
        update={"bot_webhook_url": "https://bot.example.org/tg/updates", "bot_webhook_secret": "s3cret"}
    )
    stop = asyncio.Event()
    process = asyncio.create_task(run(settings, bot=bot, stop=stop))

    await asyncio.wait_for(session.wait_for_method(SetWebhook), timeout=10)
    stop.set()
    await asyncio.wait_for(process, timeout=10)

    webhook = session.methods(SetWebhook)[0]
    assert isinstance(webhook, SetWebhook)
    assert webhook.url == "https://bot.example.org/tg/updates"
    assert webhook.secret_token == "s3cret"
    assert not session.polled.is_set()
    assert session.closed


async def test_a_missing_token_stops_the_start(settings: Settings) -> None:
    with pytest.raises(RuntimeError, match="TELEGRAM_BOT_TOKEN"):
        await run(settings.model_copy(update={"telegram_bot_token": ""}))


async def test_webhook_mode_without_a_secret_stops_the_start(
    process_settings: Settings,
    bot: Bot,
    session: RecordingSession,
) -> None:
    settings = process_settings.model_copy(
        update={"bot_webhook_url": "https://bot.example.org/tg/updates", "bot_webhook_secret": None}
    )

    with pytest.raises(RuntimeError, match="BOT_WEBHOOK_SECRET is not set"):
        await run(settings, bot=bot, stop=asyncio.Event())

    assert session.requests == []


async def test_sigterm_sets_the_stop_event() -> None:
    loop = asyncio.get_running_loop()
    stop = stop_on_signals()
    try:
        signal.raise_signal(signal.SIGTERM)
        await asyncio.wait_for(stop.wait(), timeout=5)
    finally:
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signal_number)

    assert stop.is_set()


async def test_readiness_checks_the_api_and_only_the_servers_in_use() -> None:
    def answer(status: int) -> httpx.MockTransport:
        return httpx.MockTransport(lambda request: httpx.Response(status if request.url.path == "/health" else 404))

    async with httpx.AsyncClient(transport=answer(200), base_url="http://api") as healthy_api:
        healthy = {name: await check() for name, check in readiness_checks(healthy_api, None, None).items()}
    async with httpx.AsyncClient(transport=answer(503), base_url="http://api") as failing_api:
        failing = {name: await check() for name, check in readiness_checks(failing_api, None, None).items()}

    assert healthy == {"business API": True, "Redis": True, "RabbitMQ": True}
    assert failing == {"business API": False, "Redis": True, "RabbitMQ": True}

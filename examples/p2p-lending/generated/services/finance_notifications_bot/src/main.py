"""Entry point: ``python -m src.main`` runs the bot — long polling, or the webhook when BOT_WEBHOOK_URL is set."""

import asyncio
import logging
import signal
from contextlib import AsyncExitStack, suppress

import httpx
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiohttp import web
from redis.asyncio import Redis

from shared.observability.tracing import configure_tracing, instrument_http_client
from shared.utils.logger import configure_logging
from shared.utils.sentry import init_sentry
from src.bot.dispatcher import build_dispatcher, publish_commands
from src.bot.web import ReadinessCheck, build_web_app
from src.core.config import SERVICE_NAME, SERVICE_VERSION, WEBHOOK_SECRET_MISSING, Settings, get_settings
from src.infrastructure.api_client import BusinessApiClient, build_http_client
from src.infrastructure.event_consumer import EventConsumer
from src.infrastructure.redis import build_fsm_storage, build_idempotency_store, open_redis
from src.infrastructure.subscriptions import ChatSubscriptions, MemoryChatSubscriptions, RedisChatSubscriptions
from src.notifications.notifier import Notifier

logger = logging.getLogger(__name__)


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    return stop


def readiness_checks(
    http_client: httpx.AsyncClient,
    redis: Redis | None,
    consumer: EventConsumer | None,
) -> dict[str, ReadinessCheck]:
    """What ``/ready`` checks: the business API answers ``/health``, Redis and RabbitMQ when they are used."""

    async def api_is_healthy() -> bool:
        return (await http_client.get("/health")).status_code == 200

    async def redis_is_healthy() -> bool:
        return redis is None or bool(await redis.ping())

    async def rabbitmq_is_healthy() -> bool:
        return consumer is None or consumer.is_connected

    return {"business API": api_is_healthy, "Redis": redis_is_healthy, "RabbitMQ": rabbitmq_is_healthy}


def build_bot(settings: Settings) -> Bot:
    """The bot of ``TELEGRAM_BOT_TOKEN``, talking to ``TELEGRAM_API_URL`` when it is set."""
    if settings.telegram_api_url is None:
        return Bot(settings.telegram_bot_token)
    server = TelegramAPIServer.from_base(settings.telegram_api_url)
    return Bot(settings.telegram_bot_token, session=AiohttpSession(api=server))


async def poll_until(dispatcher: Dispatcher, bot: Bot, stop: asyncio.Event) -> None:
    """Long polling until ``stop`` is set (or polling fails)."""
    await bot.delete_webhook()
    polling = asyncio.create_task(dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False))
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    for task in (polling, stopping):
        task.cancel()
    with suppress(asyncio.CancelledError):
        await polling
    stopping.cancel()


async def run(settings: Settings, *, bot: Bot | None = None, stop: asyncio.Event | None = None) -> None:
    """Run until ``stop`` is set (by default: until SIGINT or SIGTERM); every resource is closed on the way out.

    ``bot`` replaces the bot built from ``TELEGRAM_BOT_TOKEN``, for tests.
    """
    configure_logging(SERVICE_NAME, settings.log_level)
    init_sentry(settings, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)
    if bot is None and not settings.telegram_bot_token:
        raise RuntimeError("TELEGRAM_BOT_TOKEN is not set.")
    if settings.is_webhook and not settings.bot_webhook_secret:
        raise RuntimeError(WEBHOOK_SECRET_MISSING)
    stop_event = stop if stop is not None else stop_on_signals()
    async with AsyncExitStack() as stack:
        tracing = configure_tracing(SERVICE_NAME, SERVICE_VERSION)
        if tracing is not None:
            stack.callback(tracing.shutdown)
        http_client = await stack.enter_async_context(build_http_client(settings))
        if tracing is not None:
            instrument_http_client(http_client, tracing)
        redis = open_redis(settings.redis_url) if settings.redis_url else None
        subscriptions: ChatSubscriptions = MemoryChatSubscriptions()
        if redis is not None:
            stack.push_async_callback(redis.aclose)
            subscriptions = RedisChatSubscriptions(redis)
        telegram = bot if bot is not None else build_bot(settings)
        stack.push_async_callback(telegram.session.close)
        dispatcher = build_dispatcher(
            build_fsm_storage(redis),
            settings=settings,
            api=BusinessApiClient(http_client),
            subscriptions=subscriptions,
        )
        consumer: EventConsumer | None = None
        if settings.rabbitmq_url:
            consumer = EventConsumer(
                settings.rabbitmq_url,
                Notifier(telegram, subscriptions),
                idempotency=build_idempotency_store(redis, settings),
            )
            await consumer.start()
            stack.push_async_callback(consumer.close)
        else:
            logger.warning("events_not_consumed", extra={"reason": "RABBITMQ_URL is not set"})
        app = build_web_app(settings, dispatcher, telegram, readiness_checks(http_client, redis, consumer))
        runner = web.AppRunner(app)
        await runner.setup()
        stack.push_async_callback(runner.cleanup)
        await web.TCPSite(runner, settings.bot_host, settings.bot_port).start()
        await publish_commands(telegram)
        logger.info("bot_started", extra={"version": SERVICE_VERSION, "webhook": settings.is_webhook})
        if settings.bot_webhook_url:
            await telegram.set_webhook(
                settings.bot_webhook_url,
                secret_token=settings.bot_webhook_secret,
                allowed_updates=dispatcher.resolve_used_update_types(),
            )
            await stop_event.wait()
        else:
            await poll_until(dispatcher, telegram, stop_event)
    logger.info("bot_stopped")


def main() -> None:
    """Run the bot with the settings of the environment."""
    asyncio.run(run(get_settings()))


if __name__ == "__main__":
    main()

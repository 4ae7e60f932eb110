"""The one Dispatcher of the process: its routers, middleware and the objects handlers receive."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseStorage
from aiogram.types import TelegramObject

from shared.utils.request_id import generate_request_id, reset_request_id, set_request_id

from src.bot.commands import BOT_COMMANDS
from src.bot.handlers import common
from src.bot.handlers import loans
from src.bot.handlers import loan
from src.bot.handlers import invest
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient
from src.bot.metrics import metrics_middleware
from src.infrastructure.subscriptions import ChatSubscriptions


async def request_id_middleware(
    handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
    event: TelegramObject,
    data: dict[str, Any],
) -> Any:
    """Give every update a request id: it is logged and sent to the business API as ``X-Request-ID``."""
    token = set_request_id(generate_request_id())
    try:
        return await handler(event, data)
    finally:
        reset_request_id(token)


def build_dispatcher(
    storage: BaseStorage,
    *,
    settings: Settings,
    api: BusinessApiClient,
    subscriptions: ChatSubscriptions,
) -> Dispatcher:
    """The dispatcher with every router; ``settings``, ``api`` and ``subscriptions`` are handler arguments."""
    dispatcher = Dispatcher(storage=storage, settings=settings, api=api, subscriptions=subscriptions)
    dispatcher.update.outer_middleware(request_id_middleware)
    dispatcher.update.outer_middleware(metrics_middleware)
    dispatcher.include_router(common.build_router())
    dispatcher.include_router(loans.build_router())
    dispatcher.include_router(loan.build_router())
    dispatcher.include_router(invest.build_router())
    dispatcher.include_router(common.build_fallback_router())
    return dispatcher


async def publish_commands(bot: Bot) -> None:
    """Show the commands in Telegram's menu."""
    await bot.set_my_commands(list(BOT_COMMANDS))

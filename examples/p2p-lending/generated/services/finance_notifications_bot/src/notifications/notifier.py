"""Sends one text to every subscribed chat."""

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError

from src.bot.metrics import NOTIFICATIONS
from src.infrastructure.subscriptions import ChatSubscriptions

logger = logging.getLogger(__name__)


class Notifier:
    """Broadcasts notifications; a chat that blocked the bot is unsubscribed."""

    def __init__(self, bot: Bot, subscriptions: ChatSubscriptions) -> None:
        self._bot = bot
        self._subscriptions = subscriptions

    async def broadcast(self, text: str, *, event: str) -> int:
        """Send ``text``, the notification of ``event``, to every subscribed chat; return how many received it."""
        sent = 0
        for chat_id in await self._subscriptions.chat_ids():
            try:
                await self._bot.send_message(chat_id, text)
            except TelegramForbiddenError:
                logger.info("chat_unsubscribed", extra={"chat_id": chat_id, "event": event})
                await self._subscriptions.remove(chat_id)
            except TelegramAPIError as error:
                logger.warning("notification_failed", extra={"chat_id": chat_id, "event": event, "error": repr(error)})
            else:
                sent += 1
                NOTIFICATIONS.labels(event=event).inc()
        return sent

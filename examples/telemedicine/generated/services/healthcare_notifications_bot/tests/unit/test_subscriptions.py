"""Subscribed chats in memory, and the notifier that writes to them."""

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.methods import SendMessage

from src.infrastructure.subscriptions import MemoryChatSubscriptions
from src.notifications.notifier import Notifier
from tests.telegram import RecordingSession


async def test_memory_subscriptions_add_list_and_remove() -> None:
    subscriptions = MemoryChatSubscriptions()

    added = [await subscriptions.add(chat_id) for chat_id in (3, 1, 3)]
    await subscriptions.remove(3)
    await subscriptions.remove(99)

    assert added == [True, True, False]
    assert await subscriptions.chat_ids() == [1]


async def test_notifier_sends_to_every_subscribed_chat(bot: Bot, session: RecordingSession) -> None:
    subscriptions = MemoryChatSubscriptions()
    for chat_id in (10, 20):
        await subscriptions.add(chat_id)

    sent = await Notifier(bot, subscriptions).broadcast("Hello", event="something_happened")

    assert sent == 2
    assert session.sent_texts(10) == ["Hello"]
    assert session.sent_texts(20) == ["Hello"]


async def test_a_chat_that_blocked_the_bot_is_unsubscribed(bot: Bot, session: RecordingSession) -> None:
    subscriptions = MemoryChatSubscriptions()
    for chat_id in (10, 20, 30):
        await subscriptions.add(chat_id)
    method = SendMessage(chat_id=20, text="Hello")
    session.failures[20] = TelegramForbiddenError(method=method, message="bot was blocked by the user")
    session.failures[30] = TelegramBadRequest(method=method, message="chat not found")

    sent = await Notifier(bot, subscriptions).broadcast("Hello", event="something_happened")

    assert sent == 1
    assert await subscriptions.chat_ids() == [10, 30]

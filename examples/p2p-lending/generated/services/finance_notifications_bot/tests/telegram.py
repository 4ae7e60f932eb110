"""Telegram replaced, the way aiogram tests itself: a session that records every call and answers it."""

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from itertools import count
from typing import Any, cast

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import GetMe, GetUpdates, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, Location, Message, Update, User

BOT_TOKEN = "42:TEST-TOKEN"
BOT_USER = User(id=42, is_bot=True, first_name="Bot", username="test_bot")

_ids = count(1)


class RecordingSession(BaseSession):
    """No network: every method is recorded; ``sendMessage`` echoes a message, ``getUpdates`` waits forever."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: dict[int, TelegramAPIError] = {}
        """Errors to raise when sending to a chat id."""
        self.polled = asyncio.Event()
        self.sent = asyncio.Event()
        self.closed = False
        self._changed = asyncio.Condition()

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the signature of BaseSession
    ) -> TelegramType:
        self.requests.append(method)
        async with self._changed:
            self._changed.notify_all()
        if isinstance(method, GetUpdates):
            self.polled.set()
            await asyncio.Event().wait()
        if isinstance(method, SendMessage):
            failure = self.failures.get(int(method.chat_id))
            if failure is not None:
                raise failure
            self.sent.set()
            return cast(TelegramType, _message(int(method.chat_id), method.text, from_user=BOT_USER))
        if isinstance(method, GetMe):
            return cast(TelegramType, BOT_USER)
        return cast(TelegramType, True)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the signature of BaseSession
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        self.closed = True

    def sent_texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of every ``sendMessage``, to ``chat_id`` only when given."""
        return [
            request.text
            for request in self.requests
            if isinstance(request, SendMessage) and (chat_id is None or int(request.chat_id) == chat_id)
        ]

    async def wait_for_method(self, method_type: type[TelegramMethod[Any]]) -> None:
        """Wait until ``method_type`` has been called."""
        async with self._changed:
            await self._changed.wait_for(lambda: bool(self.methods(method_type)))

    def methods(self, method_type: type[TelegramMethod[Any]]) -> list[TelegramMethod[Any]]:
        """Every recorded call of one method."""
        return [request for request in self.requests if isinstance(request, method_type)]


def _message(chat_id: int, text: str | None, *, from_user: User, location: Location | None = None) -> Message:
    return Message(
        message_id=next(_ids),
        date=datetime.now(UTC),
        chat=Chat(id=chat_id, type="private"),
        from_user=from_user,
        text=text,
        location=location,
    )


def message_update(chat_id: int, text: str | None, *, location: Location | None = None) -> Update:
    """An update carrying a message a user sends in a private chat."""
    user = User(id=chat_id, is_bot=False, first_name="Ada")
    return Update(update_id=next(_ids), message=_message(chat_id, text, from_user=user, location=location))


def mounted(update: Update, bot: Bot) -> Update:
    """``update`` bound to ``bot``, as the dispatcher receives it: its message can answer."""
    return Update.model_validate(update.model_dump(), context={"bot": bot})


class Conversation:
    """One user talking to the bot in a private chat."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, session: RecordingSession, chat_id: int = 1001) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.session = session
        self.chat_id = chat_id

    async def send(self, text: str) -> list[str]:
        """Send ``text``; return the bot's replies to it."""
        return await self._feed(message_update(self.chat_id, text))

    async def send_location(self) -> list[str]:
        """Send something that is not text; return the bot's replies."""
        return await self._feed(message_update(self.chat_id, None, location=Location(latitude=47.37, longitude=8.54)))

    async def state(self) -> str | None:
        """The FSM state of this chat."""
        context = self.dispatcher.fsm.get_context(self.bot, chat_id=self.chat_id, user_id=self.chat_id)
        return await context.get_state()

    async def _feed(self, update: Update) -> list[str]:
        before = len(self.session.sent_texts(self.chat_id))
        await self.dispatcher.feed_update(self.bot, update)
        return self.session.sent_texts(self.chat_id)[before:]

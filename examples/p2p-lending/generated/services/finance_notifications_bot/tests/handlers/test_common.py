"""``/start``, ``/help``, ``/cancel``, replies to anything else, and the error handler."""

from typing import Any

from aiogram import Bot
from aiogram.types import ErrorEvent
from aiogram.types import TelegramObject

from shared.utils.request_id import get_request_id
from src.bot.commands import BOT_COMMANDS
from src.bot.dispatcher import request_id_middleware
from src.bot.handlers.common import ERROR_REPLY, UNAVAILABLE_REPLY, on_error
from src.infrastructure.api_client import ApiUnavailableError
from src.infrastructure.subscriptions import MemoryChatSubscriptions
from tests.telegram import Conversation, RecordingSession, message_update, mounted


async def test_start_subscribes_the_chat_once(chat: Conversation, subscriptions: MemoryChatSubscriptions) -> None:
    first = await chat.send("/start")
    second = await chat.send("/start")

    assert await subscriptions.chat_ids() == [chat.chat_id]
    assert "Welcome" in first[0]
    assert "You will be notified here" in first[0]
    assert "already" in second[0]


async def test_help_lists_every_command_with_its_description(chat: Conversation) -> None:
    replies = await chat.send("/help")

    assert len(replies) == 1
    for command in BOT_COMMANDS:
        assert f"/{command.command} — {command.description}" in replies[0]


async def test_cancel_without_a_question(chat: Conversation) -> None:
    assert await chat.send("/cancel") == ["There is nothing to cancel."]


async def test_unknown_text_is_answered(chat: Conversation) -> None:
    replies = await chat.send("hello there")

    assert replies == ["Sorry, I did not understand that. Send /help to see what I can do."]


async def test_non_text_is_answered(chat: Conversation) -> None:
    replies = await chat.send_location()

    assert "did not understand" in replies[0]


async def test_non_text_in_the_middle_of_a_question_is_answered(chat: Conversation) -> None:
    context = chat.dispatcher.fsm.get_context(chat.bot, chat_id=chat.chat_id, user_id=chat.chat_id)
    await context.set_state("form:question")

    replies = await chat.send_location()

    assert replies == ["Please answer with text, or send /cancel to stop."]
    assert await chat.state() == "form:question"


async def test_error_handler_answers_politely(bot: Bot, session: RecordingSession) -> None:
    update = mounted(message_update(7, "/anything"), bot)

    handled = await on_error(ErrorEvent(update=update, exception=RuntimeError("boom")))

    assert handled is True
    assert session.sent_texts(7) == [ERROR_REPLY]


async def test_error_handler_says_when_the_api_is_down(bot: Bot, session: RecordingSession) -> None:
    update = mounted(message_update(8, "/anything"), bot)

    await on_error(ErrorEvent(update=update, exception=ApiUnavailableError("down")))

    assert session.sent_texts(8) == [UNAVAILABLE_REPLY]


async def test_every_update_is_handled_with_a_request_id() -> None:
    seen: list[str | None] = []

    async def handler(event: TelegramObject, data: dict[str, Any]) -> str:
        seen.append(get_request_id())
        return "handled"

    result = await request_id_middleware(handler, message_update(9, "/help"), {})

    assert result == "handled"
    assert seen[0] is not None
    assert seen[0].startswith("req_")
    assert get_request_id() is None

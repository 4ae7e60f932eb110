"""``/start``, ``/help``, ``/cancel``, the reply to anything else, and the error handler of every router."""

import logging

from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import ErrorEvent, Message

from src.bot.commands import help_text
from src.core.config import PROJECT_TITLE
from src.infrastructure.api_client import ApiUnavailableError
from src.infrastructure.subscriptions import ChatSubscriptions

logger = logging.getLogger(__name__)

UNAVAILABLE_REPLY = "The service is not reachable right now. Please try again in a minute."
ERROR_REPLY = "Sorry, something went wrong. Please try again later."


async def start(message: Message, subscriptions: ChatSubscriptions) -> None:
    """Greet the user and subscribe the chat to notifications."""
    is_new = await subscriptions.add(message.chat.id)
    subscribed = "You will be notified here" if is_new else "You are already notified here"
    await message.answer(f"Welcome to {PROJECT_TITLE}! {subscribed}. Send /help to see what I can do.")


async def show_help(message: Message) -> None:
    """List the commands with their descriptions."""
    await message.answer(help_text())


async def cancel(message: Message, state: FSMContext) -> None:
    """Forget the question being asked, if any."""
    current = await state.get_state()
    await state.clear()
    await message.answer("Cancelled." if current is not None else "There is nothing to cancel.")


async def on_error(event: ErrorEvent) -> bool:
    """Log an error raised by any handler and tell the user politely; the update counts as handled."""
    error = event.exception
    logger.error(
        "update_failed",
        exc_info=(type(error), error, error.__traceback__),
        extra={"update_id": event.update.update_id},
    )
    message = event.update.message
    if message is not None:
        await message.answer(UNAVAILABLE_REPLY if isinstance(error, ApiUnavailableError) else ERROR_REPLY)
    return True


async def not_understood(message: Message, state: FSMContext) -> None:
    """Anything no handler took: a non-text answer to a question, an unknown command or text."""
    if await state.get_state() is not None:
        await message.answer("Please answer with text, or send /cancel to stop.")
        return
    await message.answer("Sorry, I did not understand that. Send /help to see what I can do.")


def build_router() -> Router:
    """The common commands and the error handler; included first, so they work in every state."""
    router = Router(name="common")
    router.message.register(start, CommandStart())
    router.message.register(show_help, Command("help"))
    router.message.register(cancel, Command("cancel"))
    router.errors.register(on_error)
    return router


def build_fallback_router() -> Router:
    """The reply to messages no other handler took; included last."""
    router = Router(name="fallback")
    router.message.register(not_understood)
    return router

"""``/slots``: Show free consultation slots."""

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from src.bot.formatting import format_page
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient

TITLE = "availability slots".capitalize()
EMPTY_REPLY = "There are no availability slots yet."


async def slots_command(
    message: Message,
    api: BusinessApiClient,
    settings: Settings,
) -> None:
    """Reply with the first page of availability slots."""
    page = await api.list_availability_slot_page(limit=settings.list_limit)
    await message.answer(format_page(TITLE, page, EMPTY_REPLY))


def build_router() -> Router:
    """The router of ``/slots``."""
    router = Router(name="slots")
    router.message.register(
        slots_command,
        Command("slots"),
    )
    return router

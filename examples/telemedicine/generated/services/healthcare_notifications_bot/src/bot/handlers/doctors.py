"""``/doctors``: List the doctors and their specialties."""

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from src.bot.formatting import format_page
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient

TITLE = "doctors".capitalize()
EMPTY_REPLY = "There are no doctors yet."


async def doctors_command(
    message: Message,
    api: BusinessApiClient,
    settings: Settings,
) -> None:
    """Reply with the first page of doctors."""
    page = await api.list_doctor_page(limit=settings.list_limit)
    await message.answer(format_page(TITLE, page, EMPTY_REPLY))


def build_router() -> Router:
    """The router of ``/doctors``."""
    router = Router(name="doctors")
    router.message.register(
        doctors_command,
        Command("doctors"),
    )
    return router

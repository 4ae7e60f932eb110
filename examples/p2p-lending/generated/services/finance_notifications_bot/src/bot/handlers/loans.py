"""``/loans``: List loan applications open for investment."""

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from src.bot.formatting import format_page
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient

TITLE = "loan applications".capitalize()
EMPTY_REPLY = "There are no loan applications yet."


async def loans_command(
    message: Message,
    api: BusinessApiClient,
    settings: Settings,
) -> None:
    """Reply with the first page of loan applications."""
    page = await api.list_loan_application_page(limit=settings.list_limit)
    await message.answer(format_page(TITLE, page, EMPTY_REPLY))


def build_router() -> Router:
    """The router of ``/loans``."""
    router = Router(name="loans")
    router.message.register(
        loans_command,
        Command("loans"),
    )
    return router

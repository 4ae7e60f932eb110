"""``/appointment``: Show one appointment."""

from uuid import UUID

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import Message

from src.bot.formatting import format_item
from src.infrastructure.api_client import ApiNotFoundError, BusinessApiClient

TITLE = "appointment".capitalize()
ASK_ID = "Send the id of the appointment."
ASKING_FOR_ID = State("item_id", group_name="appointment")
"""The state while ``/appointment`` waits for the id it asked for."""


async def _show(message: Message, text: str, api: BusinessApiClient) -> None:
    try:
        item_id = UUID(text.strip())
    except ValueError:
        await message.answer(f"That is not a valid id. {ASK_ID}")
        return
    try:
        item = await api.get_appointment(item_id)
    except ApiNotFoundError:
        await message.answer(f"There is no appointment with id {item_id}.")
        return
    await message.answer(format_item(TITLE, item))


async def appointment_command(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    api: BusinessApiClient,
) -> None:
    """Show one appointment: ``/appointment <id>``, or ask for the id."""
    await state.clear()
    if command.args:
        await _show(message, command.args, api)
        return
    await state.set_state(ASKING_FOR_ID)
    await message.answer(ASK_ID)


async def appointment_id_answered(
    message: Message,
    state: FSMContext,
    api: BusinessApiClient,
) -> None:
    """The id asked for; the question ends here, whatever the answer."""
    await state.clear()
    await _show(message, message.text or "", api)


def build_router() -> Router:
    """The router of ``/appointment``."""
    router = Router(name="appointment")
    router.message.register(
        appointment_command,
        Command("appointment"),
    )
    router.message.register(
        appointment_id_answered,
        ASKING_FOR_ID,
        F.text,
        ~F.text.startswith("/"),
    )
    return router

"""``/register``: Register as a patient."""

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from shared.contracts.patient import (
    PatientCreate,
)
from src.bot.formatting import format_item
from src.bot.forms import AnswerError, CreateForm
from src.infrastructure.api_client import ApiRejectedError, BusinessApiClient

TITLE = "patient created".capitalize()
INTRO = "New patient. Send /cancel to stop."
RESTART = "Send /register to start again."


# fmt: off
FORM = CreateForm.of(
    "register",
    PatientCreate,
    (
        ("full_name", "full name", "string"),
        ("email", "email", "email"),
        ("phone", "phone", "string"),
        ("birth_date", "birth date", "date"),
        ("telegram_chat_id", "telegram chat id", "string"),
    ),
)
# fmt: on


async def _create(
    message: Message,
    payload: PatientCreate,
    api: BusinessApiClient,
) -> None:
    try:
        created = await api.create_patient(payload)
    except ApiRejectedError as error:
        await message.answer(f"The patient was not created: {error.detail} {RESTART}")
        return
    await message.answer(format_item(TITLE, created))


async def register_command(
    message: Message,
    state: FSMContext,
    api: BusinessApiClient,
) -> None:
    """Ask for each field of a new patient in turn (``/cancel`` stops)."""
    await message.answer(f"{INTRO}\n{await FORM.begin(state)}")


async def register_answered(
    message: Message,
    state: FSMContext,
    api: BusinessApiClient,
) -> None:
    """An answer: ask the same question again if it is invalid, else the next one, else create."""
    try:
        question, payload = await FORM.answer(state, message.text or "")
    except AnswerError as error:
        await message.answer(str(error))
        return
    if question is not None:
        await message.answer(question)
    elif payload is not None:
        await _create(message, payload, api)


def build_router() -> Router:
    """The router of ``/register``."""
    router = Router(name="register")
    router.message.register(
        register_command,
        Command("register"),
    )
    router.message.register(
        register_answered,
        StateFilter(*FORM.states),
        F.text,
        ~F.text.startswith("/"),
    )
    return router

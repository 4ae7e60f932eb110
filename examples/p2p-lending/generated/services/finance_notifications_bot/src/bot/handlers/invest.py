"""``/invest``: Invest in a loan application."""

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from shared.contracts.investment import (
    InvestmentCreate,
)
from src.bot.formatting import format_item
from src.bot.forms import AnswerError, CreateForm
from src.infrastructure.api_client import ApiRejectedError, BusinessApiClient

TITLE = "investment created".capitalize()
INTRO = "New investment. Send /cancel to stop."
RESTART = "Send /invest to start again."


# fmt: off
FORM = CreateForm.of(
    "invest",
    InvestmentCreate,
    (
        ("amount", "amount", "decimal"),
        ("lender_id", "lender id", "uuid"),
        ("loan_application_id", "loan application id", "uuid"),
    ),
)
# fmt: on


async def _create(
    message: Message,
    payload: InvestmentCreate,
    api: BusinessApiClient,
) -> None:
    try:
        created = await api.create_investment(payload)
    except ApiRejectedError as error:
        await message.answer(f"The investment was not created: {error.detail} {RESTART}")
        return
    await message.answer(format_item(TITLE, created))


async def invest_command(
    message: Message,
    state: FSMContext,
    api: BusinessApiClient,
) -> None:
    """Ask for each field of a new investment in turn (``/cancel`` stops)."""
    await message.answer(f"{INTRO}\n{await FORM.begin(state)}")


async def invest_answered(
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
    """The router of ``/invest``."""
    router = Router(name="invest")
    router.message.register(
        invest_command,
        Command("invest"),
    )
    router.message.register(
        invest_answered,
        StateFilter(*FORM.states),
        F.text,
        ~F.text.startswith("/"),
    )
    return router

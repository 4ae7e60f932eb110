"""``/loans``: List loan applications open for investment."""

import httpx
import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.memory import MemoryStorage

from src.bot.dispatcher import build_dispatcher
from src.bot.handlers.common import UNAVAILABLE_REPLY
from src.core.config import Settings
from src.infrastructure.api_client import BusinessApiClient
from src.infrastructure.subscriptions import MemoryChatSubscriptions
from tests.fake_api import API_BASE_URL, FakeBusinessApi, loan_application_values
from tests.telegram import Conversation, RecordingSession

COLLECTION = "loan-applications"


async def test_lists_the_first_page(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    items = [fake_api.add(COLLECTION, loan_application_values(n)) for n in (1, 2)]

    replies = await chat.send("/loans")

    assert len(replies) == 1
    assert replies[0].startswith("loan applications".capitalize() + " (2 of 2):")
    assert all(item["id"] in replies[0] for item in items)
    assert fake_api.requests[-1].url.params["limit"] == "10"


async def test_says_when_there_is_nothing(chat: Conversation) -> None:
    replies = await chat.send("/loans")

    assert replies == ["There are no loan applications yet."]


async def test_more_items_than_the_limit_are_marked(
    chat: Conversation,
    fake_api: FakeBusinessApi,
    settings: Settings,
) -> None:
    for n in range(settings.list_limit + 1):
        fake_api.add(COLLECTION, loan_application_values(100 + n))

    replies = await chat.send("/loans")

    assert f"({settings.list_limit} of {settings.list_limit + 1})" in replies[0]
    assert replies[0].endswith("…")


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


@pytest.fixture
async def offline_dispatcher(settings: Settings) -> Dispatcher:
    """The dispatcher while the business API cannot be reached."""
    http_client = httpx.AsyncClient(transport=httpx.MockTransport(_refuse), base_url=API_BASE_URL)
    api = BusinessApiClient(http_client)
    return build_dispatcher(MemoryStorage(), settings=settings, api=api, subscriptions=MemoryChatSubscriptions())


async def test_an_unreachable_api_is_answered_politely(
    offline_dispatcher: Dispatcher,
    bot: Bot,
    session: RecordingSession,
) -> None:
    replies = await Conversation(offline_dispatcher, bot, session).send("/loans")

    assert replies == [UNAVAILABLE_REPLY]

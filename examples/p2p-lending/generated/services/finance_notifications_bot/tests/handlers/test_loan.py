"""``/loan``: Show one loan application."""

from uuid import uuid4

from src.bot.handlers.loan import ASK_ID
from tests.fake_api import FakeBusinessApi, loan_application_values
from tests.telegram import Conversation

COLLECTION = "loan-applications"


async def test_shows_the_item_given_as_argument(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    item = fake_api.add(COLLECTION, loan_application_values(1))

    replies = await chat.send(f"/loan {item['id']}")

    assert len(replies) == 1
    assert replies[0].startswith("loan application".capitalize())
    assert f"id: {item['id']}" in replies[0]


async def test_asks_for_the_id_then_shows_the_item(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    item = fake_api.add(COLLECTION, loan_application_values(2))

    asked = await chat.send("/loan")
    state_while_asking = await chat.state()
    shown = await chat.send(item["id"])

    assert asked == [ASK_ID]
    assert state_while_asking is not None
    assert f"id: {item['id']}" in shown[0]
    assert await chat.state() is None


async def test_an_invalid_id_is_refused(chat: Conversation) -> None:
    replies = await chat.send("/loan 12345")

    assert replies == [f"That is not a valid id. {ASK_ID}"]


async def test_an_unknown_id_is_reported(chat: Conversation) -> None:
    missing = uuid4()

    replies = await chat.send(f"/loan {missing}")

    assert replies == [f"There is no loan application with id {missing}."]


async def test_cancel_while_asked_for_the_id(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    await chat.send("/loan")

    replies = await chat.send("/cancel")

    assert replies == ["Cancelled."]
    assert await chat.state() is None
    assert fake_api.requests == []

"""``/register``: Register as a patient."""

from typing import Any

from src.bot.forms import SKIP_ANSWER
from src.bot.handlers.register import FORM, INTRO
from tests.answers import answer_text, invalid_answer
from tests.fake_api import FakeBusinessApi, patient_values
from tests.telegram import Conversation

COLLECTION = "patients"


def _answers(n: int) -> dict[str, str]:
    values: dict[str, Any] = patient_values(n)
    return {form_field.name: answer_text(values[form_field.name]) for form_field in FORM.fields}


async def _answer_all(chat: Conversation, answers: dict[str, str]) -> list[str]:
    replies: list[str] = []
    for form_field in FORM.fields:
        replies = await chat.send(answers[form_field.name])
    return replies


async def test_asks_every_field_in_turn_then_creates(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    answers = _answers(1)

    first = await chat.send("/register")
    questions = []
    for form_field in FORM.fields:
        questions += await chat.send(answers[form_field.name])

    created = list(fake_api.items[COLLECTION].values())
    assert first[0].startswith(INTRO)
    assert FORM.fields[0].question() in first[0]
    assert questions[:-1] == [form_field.question() for form_field in FORM.fields[1:]]
    assert len(created) == 1
    assert created[0]["id"] in questions[-1]
    for form_field in FORM.fields:
        assert created[0][form_field.name] == form_field.parse(answers[form_field.name])
    assert await chat.state() is None


async def test_a_rejected_answer_is_asked_again(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    answers = _answers(2)
    await chat.send("/register")
    wrong: str | None = None
    form_field = FORM.fields[0]
    for form_field in FORM.fields:
        wrong = invalid_answer(form_field)
        if wrong is not None:
            break
        await chat.send(answers[form_field.name])
    state_before = await chat.state()

    if wrong is not None:
        replies = await chat.send(wrong)
        assert replies[0].endswith(form_field.question())
        assert "valid" in replies[0] or "required" in replies[0] or "yes" in replies[0]
    else:
        replies = await chat.send_location()
        assert replies == ["Please answer with text, or send /cancel to stop."]
    assert await chat.state() == state_before
    assert fake_api.items[COLLECTION] == {}


async def test_cancel_in_the_middle_of_the_form(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    answers = _answers(3)
    await chat.send("/register")
    await chat.send(answers[FORM.fields[0].name])

    replies = await chat.send("/cancel")

    assert replies == ["Cancelled."]
    assert await chat.state() is None
    assert fake_api.requests == []


async def test_an_optional_field_can_be_skipped(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    answers = _answers(4)
    optional = [form_field for form_field in FORM.fields if form_field.is_optional]
    await chat.send("/register")
    if not optional:
        refused = await chat.send(SKIP_ANSWER)
        assert refused[0].startswith(f"The {FORM.fields[0].label} is required.")
        return
    answers[optional[0].name] = SKIP_ANSWER

    await _answer_all(chat, answers)

    assert f'"{optional[0].name}"'.encode() not in fake_api.requests[-1].content
    assert len(fake_api.items[COLLECTION]) == 1
    assert await chat.state() is None


async def test_a_refusal_of_the_api_is_reported(chat: Conversation, fake_api: FakeBusinessApi) -> None:
    fake_api.reject_with = 409
    await chat.send("/register")

    replies = await _answer_all(chat, _answers(5))

    assert replies == [
        "The patient was not created: Rejected by the fake API. Send /register to start again.",
    ]
    assert await chat.state() is None

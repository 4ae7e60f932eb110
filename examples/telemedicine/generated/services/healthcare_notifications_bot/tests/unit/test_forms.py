"""Form questions: each answer is checked against the type and constraints of its contract field."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any
from uuid import UUID

import pytest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from pydantic import BaseModel, EmailStr, Field

from src.bot.forms import SKIPPED, AnswerError, CreateForm, FieldType, FormField
from tests.telegram import BOT_USER


class Colour(StrEnum):
    RED = "red"
    DARK_BLUE = "dark_blue"


class SampleCreate(BaseModel):
    name: str = Field(max_length=5)
    count: int = Field(default=3, ge=1, le=9)
    price: Decimal = Field(max_digits=6, decimal_places=2)
    active: bool
    born: date | None = None
    starts_at: datetime
    ref: UUID
    email: EmailStr
    colour: Colour = Colour.RED
    extra: dict[str, Any] | None = None


class SampleStates(StatesGroup):
    name = State()
    count = State()
    price = State()
    active = State()
    born = State()
    starts_at = State()
    ref = State()
    email = State()
    colour = State()
    extra = State()


TYPES: dict[str, FieldType] = {
    "name": "string",
    "count": "int",
    "price": "decimal",
    "active": "bool",
    "born": "date",
    "starts_at": "datetime",
    "ref": "uuid",
    "email": "email",
    "colour": "enum",
    "extra": "json",
}
FIELDS = {
    name: FormField.of(SampleCreate, name, name.replace("_", " "), field_type, getattr(SampleStates, name))
    for name, field_type in TYPES.items()
}
FORM = CreateForm(SampleCreate, tuple(FIELDS.values()))


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("name", " Ada ", "Ada"),
        ("count", "7", 7),
        ("price", "12.5", "12.5"),
        ("active", "Yes", True),
        ("active", "no", False),
        ("born", "2001-02-03", "2001-02-03"),
        ("starts_at", "2030-01-31T14:30", "2030-01-31T14:30:00Z"),
        ("starts_at", "2030-01-31T14:30+01:00", "2030-01-31T14:30:00+01:00"),
        ("ref", "3f2b8c1e-0000-4000-8000-000000000000", "3f2b8c1e-0000-4000-8000-000000000000"),
        ("email", "ada@example.org", "ada@example.org"),
        ("colour", "dark_blue", "dark_blue"),
        ("extra", '{"a": [1, 2]}', {"a": [1, 2]}),
    ],
)
def test_valid_answers_become_json_values(name: str, text: str, value: Any) -> None:
    assert FIELDS[name].parse(text) == value


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("name", "Adalbert", "not a valid name"),
        ("count", "0", "greater than or equal to 1"),
        ("count", "ten", "not a valid count"),
        ("price", "cheap", "not a valid price"),
        ("active", "maybe", 'answer "yes" or "no"'),
        ("born", "03.02.2001", "not a valid born"),
        ("starts_at", "soon", "not a valid starts at"),
        ("ref", "42", "not a valid ref"),
        ("email", "ada", "not a valid email"),
        ("colour", "green", "not a valid colour"),
        ("extra", "{oops", "not valid JSON"),
        ("extra", "[1]", "not a valid extra"),
        ("name", "-", "The name is required."),
    ],
)
def test_invalid_answers_are_refused(name: str, text: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message.replace("(", r"\(")):
        FIELDS[name].parse(text)


@pytest.mark.parametrize("name", ["count", "born", "colour", "extra"])
def test_optional_fields_can_be_skipped(name: str) -> None:
    assert FIELDS[name].is_optional
    assert FIELDS[name].parse(" - ") is SKIPPED
    assert "to skip it" in FIELDS[name].question()


def test_questions_say_what_is_expected() -> None:
    assert FIELDS["name"].question() == "Send the name: a text, at most 5 characters."
    assert "a whole number, at least 1, at most 9" in FIELDS["count"].question()
    assert "one of red, dark_blue" in FIELDS["colour"].question()
    assert "yes or no" in FIELDS["active"].question()


def _context() -> FSMContext:
    key = StorageKey(bot_id=BOT_USER.id, chat_id=5, user_id=5)
    return FSMContext(storage=MemoryStorage(), key=key)


async def test_a_form_walks_through_its_fields_and_builds_the_payload() -> None:
    state = _context()
    answers = {
        "name": "Ada",
        "count": "-",
        "price": "9.99",
        "active": "yes",
        "born": "-",
        "starts_at": "2030-01-31T14:30",
        "ref": "3f2b8c1e-0000-4000-8000-000000000000",
        "email": "ada@example.org",
        "colour": "red",
        "extra": "-",
    }

    first = await FORM.begin(state)
    questions = []
    payload = None
    for text in answers.values():
        question, payload = await FORM.answer(state, text)
        questions.append(question)

    assert first == FIELDS["name"].question()
    assert questions[:-1] == [FIELDS[name].question() for name in list(TYPES)[1:]]
    assert questions[-1] is None
    assert payload is not None
    assert payload.model_fields_set == {"name", "price", "active", "starts_at", "ref", "email", "colour"}
    assert payload.count == 3
    assert await state.get_state() is None


async def test_an_invalid_answer_keeps_the_question() -> None:
    state = _context()
    await FORM.begin(state)

    with pytest.raises(AnswerError) as raised:
        await FORM.answer(state, "far too long")

    assert str(raised.value).startswith("That is not a valid name")
    assert str(raised.value).endswith(FIELDS["name"].question())
    assert await state.get_state() == SampleStates.name.state
    assert FORM.field_for(await state.get_state()) is FIELDS["name"]


async def test_an_answer_outside_the_form_is_refused() -> None:
    with pytest.raises(AnswerError, match="no longer open"):
        await FORM.answer(_context(), "Ada")


def test_a_form_names_its_states_after_itself() -> None:
    form = CreateForm.of("sample", SampleCreate, [("name", "name", "string"), ("count", "count", "int")])

    assert [state.state for state in form.states] == ["sample:name", "sample:count"]
    assert form.field_for("sample:count") is form.fields[1]
    assert form.field_for("other:count") is None

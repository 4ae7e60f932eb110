"""Create forms: one question per field, each answer checked against the entity's create contract.

A form walks through its fields in order, one FSM state per field. The answers are kept in the FSM data in their
JSON form, so that they survive in Redis; the finished answers are validated once more by the create contract.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from typing import Annotated, Any, Generic, Literal, TypeVar, get_args

import annotated_types
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from pydantic import BaseModel, TypeAdapter, ValidationError

SKIP_ANSWER = "-"
"""The answer that leaves an optional field out (the API then applies its default)."""

FieldType = Literal["string", "text", "int", "decimal", "bool", "date", "datetime", "uuid", "email", "enum", "json"]

_TRUE_ANSWERS = frozenset({"yes", "y", "true", "1", "on"})
_FALSE_ANSWERS = frozenset({"no", "n", "false", "0", "off"})

_EXPECTED: dict[str, str] = {
    "string": "a text",
    "text": "a text",
    "int": "a whole number",
    "decimal": "a number such as 12.50",
    "bool": "yes or no",
    "date": "a date such as 2030-01-31",
    "datetime": "a date and time such as 2030-01-31T14:30 (UTC unless you add an offset such as +01:00)",
    "uuid": "an id such as 3f2b8c1e-0000-4000-8000-000000000000",
    "email": "an email address",
    "enum": "one of",
    "json": 'a JSON object such as {"key": "value"}',
}

ModelT = TypeVar("ModelT", bound=BaseModel)


class AnswerError(ValueError):
    """An answer that does not fit its field; the message says why, for the user."""


class _Skipped:
    """Marker of an optional field left out."""


SKIPPED = _Skipped()


@dataclass(frozen=True)
class FormField:
    """One question of a form: a field of a create contract."""

    name: str
    label: str
    field_type: FieldType
    state: State
    is_optional: bool
    adapter: TypeAdapter[Any] = field(repr=False)
    constraints: tuple[Any, ...] = ()
    choices: tuple[str, ...] = ()

    @classmethod
    def of(cls, model: type[BaseModel], name: str, label: str, field_type: FieldType, state: State) -> "FormField":
        """The question for field ``name`` of ``model``: its type, constraints and defaults come from the contract."""
        info = model.model_fields[name]
        annotation: Any = info.annotation
        constraints = tuple(info.metadata)
        adapter: TypeAdapter[Any] = TypeAdapter(Annotated[(annotation, *constraints)] if constraints else annotation)
        choices = tuple(
            str(member.value)
            for candidate in (annotation, *get_args(annotation))
            if isinstance(candidate, type) and issubclass(candidate, Enum)
            for member in candidate
        )
        return cls(name, label, field_type, state, not info.is_required(), adapter, constraints, choices)

    def expected(self) -> str:
        """What an answer should look like, in words."""
        words = _EXPECTED[self.field_type]
        if self.choices:
            words = f"{words} {', '.join(self.choices)}"
        for constraint in self.constraints:
            if isinstance(constraint, annotated_types.Ge):
                words += f", at least {constraint.ge}"
            elif isinstance(constraint, annotated_types.Le):
                words += f", at most {constraint.le}"
            elif isinstance(constraint, annotated_types.MaxLen):
                words += f", at most {constraint.max_length} characters"
        return words

    def question(self) -> str:
        """The question asking for this field."""
        skip = f' Send "{SKIP_ANSWER}" to skip it.' if self.is_optional else ""
        return f"Send the {self.label}: {self.expected()}.{skip}"

    def parse(self, text: str) -> Any:
        """The JSON form of the value ``text`` stands for, or :data:`SKIPPED`; :class:`AnswerError` if invalid."""
        answer = text.strip()
        if answer == SKIP_ANSWER:
            if self.is_optional:
                return SKIPPED
            raise AnswerError(f"The {self.label} is required.")
        try:
            value = self.adapter.validate_python(self._raw_value(answer))
        except ValidationError as error:
            reason = error.errors()[0]["msg"]
            raise AnswerError(f"That is not a valid {self.label} ({reason}).") from error
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return self.adapter.dump_python(value, mode="json")

    def _raw_value(self, answer: str) -> Any:
        if self.field_type == "json":
            try:
                return json.loads(answer)
            except json.JSONDecodeError as error:
                raise AnswerError(f"That is not valid JSON ({error.msg}).") from error
        if self.field_type == "bool":
            lowered = answer.lower()
            if lowered in _TRUE_ANSWERS:
                return True
            if lowered in _FALSE_ANSWERS:
                return False
            raise AnswerError(f'Please answer "yes" or "no" for the {self.label}.')
        return answer


Question = tuple[str, str, FieldType]
"""A field of a form: its name in the contract, its label and its type."""


@dataclass(frozen=True)
class CreateForm(Generic[ModelT]):
    """The questions that build one create payload."""

    model: type[ModelT]
    fields: Sequence[FormField]

    @classmethod
    def of(cls, name: str, model: type[ModelT], questions: Sequence[Question]) -> "CreateForm[ModelT]":
        """The form ``name`` asking ``questions`` in order; its FSM states are ``<name>:<field>``."""
        fields = tuple(
            FormField.of(model, field_name, label, field_type, State(field_name, group_name=name))
            for field_name, label, field_type in questions
        )
        return cls(model, fields)

    @property
    def states(self) -> tuple[State, ...]:
        """The FSM state of every question."""
        return tuple(form_field.state for form_field in self.fields)

    def field_for(self, state: str | None) -> FormField | None:
        """The field asked in FSM state ``state``."""
        return next((form_field for form_field in self.fields if form_field.state.state == state), None)

    async def begin(self, state: FSMContext) -> str:
        """Start over: the first question (every entity has at least one field)."""
        await state.set_data({"answers": {}})
        first = self.fields[0]
        await state.set_state(first.state)
        return first.question()

    async def answer(self, state: FSMContext, text: str) -> tuple[str | None, ModelT | None]:
        """Record the answer to the current question.

        Returns the next question, or the finished payload once every field is answered. An invalid answer raises
        :class:`AnswerError` (saying why, then asking again) and leaves the state as it was.
        """
        current = self.field_for(await state.get_state())
        if current is None:
            raise AnswerError("This form is no longer open.")
        try:
            value = current.parse(text)
        except AnswerError as error:
            raise AnswerError(f"{error} {current.question()}") from error
        answers: dict[str, Any] = dict((await state.get_data()).get("answers", {}))
        if value is not SKIPPED:
            answers[current.name] = value
        index = self.fields.index(current) + 1
        if index < len(self.fields):
            await state.update_data(answers=answers)
            await state.set_state(self.fields[index].state)
            return self.fields[index].question(), None
        await state.clear()
        return None, self.model.model_validate(answers)

"""What a user types to answer a form question: valid answers from sample values, and invalid ones."""

import json
from typing import Any

import annotated_types

from src.bot.forms import FormField

_INVALID: dict[str, str] = {
    "int": "twelve",
    "decimal": "twelve",
    "bool": "perhaps",
    "date": "31.02.2030",
    "datetime": "tomorrow at noon",
    "uuid": "not-an-id",
    "email": "not an email",
    "enum": "none-of-these",
    "json": "{not json",
}


def answer_text(value: Any) -> str:
    """The text a user sends for ``value``."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict | list):
        return json.dumps(value)
    return str(value)


def invalid_answer(form_field: FormField) -> str | None:
    """An answer ``form_field`` must refuse, or ``None`` when it takes any text."""
    if form_field.field_type in _INVALID:
        return _INVALID[form_field.field_type]
    for constraint in form_field.constraints:
        if isinstance(constraint, annotated_types.MaxLen):
            return "x" * (constraint.max_length + 1)
    return None if form_field.is_optional else "-"

"""Plain-text replies: one item, a page of items, any value."""

import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

from shared.contracts.pagination import Page

EMPTY_VALUE = "—"
_HIDDEN_IN_LISTS = frozenset({"id", "created_at", "updated_at"})
SUMMARY_FIELDS = 3
"""How many fields a list line shows besides the id."""


def display_value(value: Any) -> str:
    """A value as a user reads it: ``yes``/``no``, ISO dates, enum values, compact JSON, ``—`` for nothing."""
    if value is None:
        return EMPTY_VALUE
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date | Decimal):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def label_of(field_name: str) -> str:
    """``starts_at`` → ``starts at``."""
    return field_name.replace("_", " ")


def format_item(title: str, item: BaseModel) -> str:
    """Every field of ``item``, one per line, under ``title``."""
    lines = [title]
    lines += [f"{label_of(name)}: {display_value(getattr(item, name))}" for name in type(item).model_fields]
    return "\n".join(lines)


def summarize(item: BaseModel) -> str:
    """One line for a list: the first fields of ``item`` and its id."""
    names = [name for name in type(item).model_fields if name not in _HIDDEN_IN_LISTS][:SUMMARY_FIELDS]
    values = ", ".join(display_value(getattr(item, name)) for name in names)
    return f"• {values} (id {getattr(item, 'id', EMPTY_VALUE)})"


def format_page(title: str, page: Page[Any], empty: str) -> str:
    """A page of items: the title with the count, then one line per item; ``empty`` when there is none."""
    items: Sequence[BaseModel] = page.items
    if not items:
        return empty
    lines = [f"{title} ({len(items)} of {page.total}):"]
    lines += [summarize(item) for item in items]
    if page.has_next:
        lines.append("…")
    return "\n".join(lines)

"""Plain-text replies."""

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

import pytest
from pydantic import BaseModel

from shared.contracts.pagination import Page
from src.bot.formatting import EMPTY_VALUE, display_value, format_item, format_page, summarize


class Size(StrEnum):
    SMALL = "small"


class Item(BaseModel):
    id: UUID
    name: str
    size: Size
    note: str | None
    weight: Decimal
    created_at: datetime


ITEM = Item(
    id=UUID(int=1),
    name="Box",
    size=Size.SMALL,
    note=None,
    weight=Decimal("1.50"),
    created_at=datetime(2030, 1, 2, 10, 0, tzinfo=UTC),
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, EMPTY_VALUE),
        (True, "yes"),
        (False, "no"),
        (Size.SMALL, "small"),
        (datetime(2030, 1, 2, 10, 30, tzinfo=UTC), "2030-01-02 10:30+00:00"),
        (date(2030, 1, 2), "2030-01-02"),
        (Decimal("12.50"), "12.50"),
        ({"b": 1, "a": "ü"}, '{"a": "ü", "b": 1}'),
        (7, "7"),
    ],
)
def test_values_are_shown_as_users_read_them(value: object, text: str) -> None:
    assert display_value(value) == text


def test_an_item_shows_every_field() -> None:
    assert format_item("Item", ITEM).splitlines() == [
        "Item",
        f"id: {UUID(int=1)}",
        "name: Box",
        "size: small",
        f"note: {EMPTY_VALUE}",
        "weight: 1.50",
        "created at: 2030-01-02 10:00+00:00",
    ]


def test_a_list_line_shows_the_first_fields_and_the_id() -> None:
    assert summarize(ITEM) == f"• Box, small, {EMPTY_VALUE} (id {UUID(int=1)})"


def test_a_page_counts_its_items() -> None:
    page = Page[Item](items=[ITEM], total=3, limit=1, offset=0)

    assert format_page("Items", page, "none").splitlines() == ["Items (1 of 3):", summarize(ITEM), "…"]


def test_an_empty_page_says_so() -> None:
    assert format_page("Items", Page[Item](items=[], total=0, limit=10, offset=0), "Nothing yet.") == "Nothing yet."

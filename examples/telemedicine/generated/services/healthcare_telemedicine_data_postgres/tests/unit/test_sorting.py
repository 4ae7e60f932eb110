"""Parsing of the ``sort`` parameter."""

import pytest

from src.domain.errors import InvalidRequestError
from src.domain.sorting import DEFAULT_SORT, SortOrder, parse_sort

KEYS = frozenset({"created_at", "name"})


def test_plain_key_sorts_ascending() -> None:
    assert parse_sort("name", KEYS) == SortOrder(key="name", descending=False)


def test_minus_prefix_sorts_descending() -> None:
    assert parse_sort("-created_at", KEYS) == SortOrder(key="created_at", descending=True)


def test_default_sort_is_creation_time() -> None:
    assert parse_sort(DEFAULT_SORT, KEYS).key == "created_at"


@pytest.mark.parametrize("value", ["unknown", "-unknown", "", "-", "--name"])
def test_unknown_key_is_rejected_with_the_allowed_keys(value: str) -> None:
    with pytest.raises(InvalidRequestError, match="allowed keys: created_at, name"):
        parse_sort(value, KEYS)

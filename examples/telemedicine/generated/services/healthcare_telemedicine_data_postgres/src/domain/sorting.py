"""Parsing of the ``sort`` query parameter: a key, prefixed with ``-`` for descending order."""

from dataclasses import dataclass

from src.domain.errors import InvalidRequestError

DEFAULT_SORT = "created_at"


@dataclass(frozen=True)
class SortOrder:
    """Sort by ``key``, descending when ``descending`` is true."""

    key: str
    descending: bool = False


def parse_sort(value: str, allowed_keys: frozenset[str]) -> SortOrder:
    """The sort order ``value`` asks for; raises :class:`InvalidRequestError` for a key not in ``allowed_keys``."""
    descending = value.startswith("-")
    key = value[1:] if descending else value
    if key not in allowed_keys:
        allowed = ", ".join(sorted(allowed_keys))
        raise InvalidRequestError(f"Unknown sort key {key!r}; allowed keys: {allowed}.")
    return SortOrder(key=key, descending=descending)

"""Conversion between contract values and the values stored in MongoDB documents.

Stored forms: UUIDs as their canonical string (the ``_id`` too), datetimes as UTC BSON dates truncated to the
millisecond (BSON's precision), dates as a BSON date at midnight UTC, decimals as ``Decimal128``, enum members as
their value. ``None`` is never stored: a missing field reads back as ``None``.
"""

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from bson import json_util
from bson.decimal128 import Decimal128

_EXTENDED_JSON = json_util.RELAXED_JSON_OPTIONS.with_options(tz_aware=True, tzinfo=UTC)


def utc_now() -> datetime:
    """The current time in UTC, at the millisecond precision MongoDB stores."""
    return to_bson_datetime(datetime.now(UTC))


def to_bson_datetime(value: datetime) -> datetime:
    """``value`` in UTC (a naive value is taken as UTC), truncated to the millisecond."""
    aware = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return aware.replace(microsecond=aware.microsecond // 1000 * 1000)


def to_bson(value: Any) -> Any:
    """The stored form of a contract value (recursively for objects and lists)."""
    if isinstance(value, Enum):
        return to_bson(value.value)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return to_bson_datetime(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, Decimal):
        return Decimal128(value)
    if isinstance(value, Mapping):
        return {str(key): to_bson(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_bson(item) for item in value]
    return value


def from_bson(value: Any) -> Any:
    """A value read from MongoDB in the form the contracts validate (recursively)."""
    if isinstance(value, Decimal128):
        return value.to_decimal()
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, Mapping):
        return {str(key): from_bson(item) for key, item in value.items()}
    if isinstance(value, list):
        return [from_bson(item) for item in value]
    return value


def to_document(values: Mapping[str, Any]) -> dict[str, Any]:
    """The stored fields for ``values``, without the ``None`` ones."""
    return {name: to_bson(value) for name, value in values.items() if value is not None}


def parse_extended_json(stages: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """``stages`` with MongoDB Extended JSON values (``{"$date": ...}``, ``{"$numberDecimal": ...}``) decoded."""
    parsed: list[dict[str, Any]] = json_util.loads(json.dumps(list(stages)), json_options=_EXTENDED_JSON)
    return parsed

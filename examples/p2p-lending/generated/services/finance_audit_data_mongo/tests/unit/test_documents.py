"""Conversion between contract values and stored MongoDB values."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from bson.decimal128 import Decimal128

from src.infrastructure.documents import from_bson, parse_extended_json, to_bson, to_document, utc_now


class _Colour(StrEnum):
    RED = "red"


ID = UUID("12345678-1234-4234-8234-123456789abc")


def test_values_are_stored_in_their_bson_form() -> None:
    moment = datetime(2030, 1, 2, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2)))

    assert to_bson(ID) == "12345678-1234-4234-8234-123456789abc"
    assert to_bson(moment) == datetime(2030, 1, 2, 10, 0, 0, 123000, tzinfo=UTC)
    assert to_bson(datetime(2030, 1, 2, 10, 0)) == datetime(2030, 1, 2, 10, 0, tzinfo=UTC)
    assert to_bson(date(2030, 1, 2)) == datetime(2030, 1, 2, tzinfo=UTC)
    assert to_bson(Decimal("12.50")) == Decimal128("12.50")
    assert to_bson(_Colour.RED) == "red"
    assert type(to_bson(_Colour.RED)) is str
    assert to_bson({"ids": [ID], "n": 1, "ok": True}) == {"ids": [str(ID)], "n": 1, "ok": True}
    assert to_bson(("a", 1)) == ["a", 1]


def test_stored_values_come_back_in_contract_form() -> None:
    naive = datetime(2030, 1, 2, 10, 0)
    plus_two = datetime(2030, 1, 2, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    expected = datetime(2030, 1, 2, 10, 0, tzinfo=UTC)

    assert from_bson(Decimal128("12.50")) == Decimal("12.50")
    assert from_bson(naive) == expected
    assert from_bson(plus_two) == expected
    assert from_bson(plus_two).tzinfo is UTC
    assert from_bson({"_id": "x", "items": [naive, "text", None]}) == {"_id": "x", "items": [expected, "text", None]}


def test_none_values_are_not_stored() -> None:
    assert to_document({"kept": 1, "dropped": None, "id": ID}) == {"kept": 1, "id": str(ID)}


def test_now_is_utc_at_millisecond_precision() -> None:
    now = utc_now()

    assert now.tzinfo is UTC
    assert now.microsecond % 1000 == 0
    assert abs(datetime.now(UTC) - now) < timedelta(seconds=5)


def test_extended_json_values_are_decoded() -> None:
    stages = [{"$match": {"at": {"$gte": {"$date": "2030-01-02T10:00:00Z"}}, "price": {"$numberDecimal": "1.5"}}}]

    assert parse_extended_json(stages) == [
        {"$match": {"at": {"$gte": datetime(2030, 1, 2, 10, 0, tzinfo=UTC)}, "price": Decimal128("1.5")}},
    ]

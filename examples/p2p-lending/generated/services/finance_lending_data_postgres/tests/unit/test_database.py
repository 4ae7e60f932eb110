"""The database adapter: schema, ping and constraint-violation translation."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from src.domain.errors import ConflictError, InvalidRequestError
from src.infrastructure.database import Database, create_schema, drop_schema
from src.infrastructure.models import Base
from src.infrastructure.models.base import UTCDateTime
from src.infrastructure.repositories.base import integrity_error_code, translate_integrity_error


class _DriverError(Exception):
    """Stands for a driver exception carrying an SQLSTATE."""

    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("constraint violated")
        self.sqlstate = sqlstate


def _integrity_error(sqlstate: str | None) -> IntegrityError:
    return IntegrityError("INSERT", {}, _DriverError(sqlstate))


async def test_ping_succeeds_on_a_reachable_database(database: Database) -> None:
    assert await database.ping() is True


async def test_ping_fails_when_the_server_is_down() -> None:
    unreachable = Database("postgresql+asyncpg://nobody:secret@127.0.0.1:1/missing")
    try:
        assert await unreachable.ping() is False
    finally:
        await unreachable.dispose()


async def test_sqlite_directory_is_created_and_foreign_keys_are_enforced(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'dir' / 'service.db'}")
    try:
        assert database.is_sqlite
        assert (tmp_path / "nested" / "dir").is_dir()
        async with database.engine.connect() as connection:
            assert (await connection.execute(sa.text("PRAGMA foreign_keys"))).scalar_one() == 1
    finally:
        await database.dispose()


async def test_schema_helpers_create_and_drop_every_table(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'schema.db'}"
    database = Database(url)

    def table_names(connection: sa.Connection) -> list[str]:
        return sa.inspect(connection).get_table_names()

    try:
        await create_schema(url)
        async with database.engine.connect() as connection:
            assert set(await connection.run_sync(table_names)) == set(Base.metadata.tables)
        await drop_schema(url)
        async with database.engine.connect() as connection:
            assert await connection.run_sync(table_names) == []
    finally:
        await database.dispose()


@pytest.mark.parametrize("sqlstate", ["23505", "23503"])
def test_unique_and_foreign_key_violations_are_conflicts(sqlstate: str) -> None:
    assert isinstance(translate_integrity_error(_integrity_error(sqlstate), "thing"), ConflictError)


def test_not_null_violation_is_an_invalid_request() -> None:
    error = translate_integrity_error(_integrity_error("23502"), "thing")

    assert isinstance(error, InvalidRequestError)
    assert "thing" in error.detail


def test_other_violations_are_conflicts_without_driver_details() -> None:
    error = translate_integrity_error(_integrity_error(None), "thing")

    assert isinstance(error, ConflictError)
    assert "constraint violated" not in error.detail
    assert integrity_error_code(_integrity_error(None)) == ""


def test_utc_datetime_stores_and_returns_aware_utc_values() -> None:
    column_type = UTCDateTime()
    dialect = sa.create_engine("sqlite://").dialect
    naive = datetime(2030, 1, 2, 10, 0)
    plus_two = datetime(2030, 1, 2, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    expected = datetime(2030, 1, 2, 10, 0, tzinfo=UTC)

    assert column_type.process_bind_param(naive, dialect) == expected
    assert column_type.process_bind_param(plus_two, dialect) == expected
    assert column_type.process_bind_param(None, dialect) is None
    assert column_type.process_result_value(naive, dialect) == expected
    assert column_type.process_result_value(plus_two, dialect) == expected
    assert column_type.process_result_value(None, dialect) is None

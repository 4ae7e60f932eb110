"""The Alembic migrations apply, match the models exactly (``alembic check``) and revert cleanly.

They run on PostgreSQL when ``TEST_DATABASE_URL`` is set, otherwise on a new SQLite file.
"""

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.ext.asyncio import create_async_engine

from src.infrastructure.models import Base

SERVICE_DIR = Path(__file__).resolve().parents[2]


def _table_names(connection: sa.Connection) -> set[str]:
    return set(sa.inspect(connection).get_table_names())


async def _tables_in(url: str) -> set[str]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_table_names)
    finally:
        await engine.dispose()


@pytest.fixture
def migration_url(tmp_path: Path) -> Iterator[str]:
    """``TEST_DATABASE_URL`` when set, otherwise a new SQLite file; the version table is removed afterwards."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
    yield url
    asyncio.run(_drop_version_table(url))


async def _drop_version_table(url: str) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(sa.text("DROP TABLE IF EXISTS alembic_version"))
    finally:
        await engine.dispose()


def _alembic_config(url: str) -> Config:
    config = Config(str(SERVICE_DIR / "alembic.ini"))
    config.attributes["database_url"] = url
    config.attributes["configure_logging"] = False
    return config


def test_upgrade_creates_every_table_and_downgrade_removes_them(migration_url: str) -> None:
    config = _alembic_config(migration_url)
    expected = set(Base.metadata.tables)

    command.upgrade(config, "head")
    after_upgrade = asyncio.run(_tables_in(migration_url))
    command.check(config)
    command.downgrade(config, "base")
    after_downgrade = asyncio.run(_tables_in(migration_url))

    assert expected <= after_upgrade
    assert not expected & after_downgrade

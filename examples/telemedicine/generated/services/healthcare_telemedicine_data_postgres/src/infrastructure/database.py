"""Async engine and session factory: PostgreSQL through asyncpg, or an SQLite file through aiosqlite."""

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from src.infrastructure.models import Base


def _configure_sqlite_connection(dbapi_connection: Any, connection_record: Any) -> None:
    """Per SQLite connection: enforce foreign keys (off by default) and use the write-ahead log."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """The engine and session factory of one database URL."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        if self.is_sqlite and parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine: AsyncEngine = create_async_engine(parsed, echo=echo, pool_pre_ping=True)
        if self.is_sqlite:
            sa.event.listen(self.engine.sync_engine, "connect", _configure_sqlite_connection)
        self.session_factory = async_sessionmaker(self.engine, class_=AsyncSession, expire_on_commit=False)

    async def create_schema(self) -> None:
        """Create the tables that do not exist yet (development on SQLite and tests)."""
        async with self.engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)

    async def drop_schema(self) -> None:
        """Drop every table of the service (tests)."""
        async with self.engine.begin() as connection:
            await connection.run_sync(Base.metadata.drop_all)

    async def ping(self) -> bool:
        """Whether the database answers a trivial query."""
        try:
            async with self.engine.connect() as connection:
                await connection.execute(sa.text("SELECT 1"))
        except (OSError, sa.exc.SQLAlchemyError):
            return False
        return True

    async def dispose(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()


async def create_schema(url: str) -> None:
    """Create the tables of the service in the database at ``url``."""
    database = Database(url)
    try:
        await database.create_schema()
    finally:
        await database.dispose()


async def drop_schema(url: str) -> None:
    """Drop the tables of the service from the database at ``url``."""
    database = Database(url)
    try:
        await database.drop_schema()
    finally:
        await database.dispose()

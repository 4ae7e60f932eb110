"""Fixtures: a fresh database per test (SQLite file, or ``TEST_DATABASE_URL``) and an HTTP client on the app."""

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from src.core.config import Settings
from src.infrastructure.database import Database
from src.main import create_app

TEST_DATABASE_URL_ENV = "TEST_DATABASE_URL"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """``TEST_DATABASE_URL`` when set (PostgreSQL in CI), otherwise a new SQLite file."""
    return os.environ.get(TEST_DATABASE_URL_ENV) or f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Settings of the app under test."""
    return Settings(database_url=database_url)


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """The database with an empty schema; dropped again after the test."""
    database = Database(database_url)
    await database.drop_schema()
    await database.create_schema()
    try:
        yield database
    finally:
        await database.drop_schema()
        await database.dispose()


@pytest.fixture
async def session(database: Database) -> AsyncIterator[AsyncSession]:
    """A session on the test database."""
    async with database.session_factory() as session:
        yield session


@pytest.fixture
async def app(settings: Settings, database: Database) -> AsyncIterator[FastAPI]:
    """The application, with its lifespan running."""
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client calling the application in-process."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-lending-data-postgres",
    ) as http_client:
        yield http_client

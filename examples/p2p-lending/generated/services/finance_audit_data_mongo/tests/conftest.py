"""Fixtures: an in-memory MongoDB (mongomock-motor) per test and an HTTP client on the app.

The tests marked ``mongodb`` use a real server instead; they run only when ``MONGODB_URL`` is set.
"""

from collections.abc import AsyncIterator, Callable
from uuid import uuid4

import httpx
import mongomock.filtering
import pytest
from bson.decimal128 import Decimal128
from fastapi import FastAPI
from mongomock_motor import AsyncMongoMockClient

from src.core.config import Settings
from src.infrastructure.mongo import MongoClient, MongoDatabase, build_client
from src.infrastructure.repositories.registry import INDEXES, Repositories
from src.main import create_app


def _comparable(value: object) -> object:
    return value.to_decimal() if isinstance(value, Decimal128) else value


@pytest.fixture(autouse=True)
def _order_decimal128(monkeypatch: pytest.MonkeyPatch) -> None:
    """mongomock cannot order ``Decimal128`` values, which the real server orders as numbers: teach it to."""
    original: Callable[..., bool] = mongomock.filtering.bson_compare

    def compare(operator: object, a: object, b: object, *args: object, **kwargs: object) -> bool:
        return original(operator, _comparable(a), _comparable(b), *args, **kwargs)

    monkeypatch.setattr(mongomock.filtering, "bson_compare", compare)


@pytest.fixture
def settings() -> Settings:
    """Settings of the app under test: a database name of its own."""
    return Settings(mongodb_database=f"test_{uuid4().hex}")


@pytest.fixture
def mongo_client() -> MongoClient:
    """An in-memory MongoDB client, empty for each test."""
    client: MongoClient = AsyncMongoMockClient(tz_aware=True)
    return client


@pytest.fixture
async def database(mongo_client: MongoClient, settings: Settings) -> AsyncIterator[MongoDatabase]:
    """The service's database with its indexes; dropped after the test."""
    database = MongoDatabase(mongo_client, settings.mongodb_database)
    await database.ensure_indexes(INDEXES)
    try:
        yield database
    finally:
        await database.drop()


@pytest.fixture
def repositories(database: MongoDatabase) -> Repositories:
    """The repositories on the test database."""
    return Repositories(database)


@pytest.fixture
async def app(settings: Settings, mongo_client: MongoClient) -> AsyncIterator[FastAPI]:
    """The application on the in-memory client, with its lifespan running."""
    application = create_app(settings, client=mongo_client)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client calling the application in-process."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-audit-data-mongo",
    ) as http_client:
        yield http_client


@pytest.fixture
async def server_gone(app: FastAPI) -> AsyncIterator[None]:
    """The running app's database replaced by one whose server does not answer."""
    settings = Settings(mongodb_url="mongodb://127.0.0.1:1", mongodb_server_selection_timeout_ms=100)
    running: MongoDatabase = app.state.database
    unreachable = MongoDatabase(build_client(settings), running.name)
    app.state.database = unreachable
    try:
        yield
    finally:
        app.state.database = running
        unreachable.close()

"""The MongoDB adapter: client options, ping, indexes and start-up against a server that is down."""

import pytest
from pymongo.client_options import ClientOptions

from src.core.config import Settings
from src.domain.errors import DatabaseUnavailableError
from src.infrastructure.mongo import MongoDatabase, build_client
from src.infrastructure.repositories.registry import INDEXES
from src.main import create_app

UNREACHABLE = Settings(mongodb_url="mongodb://127.0.0.1:1", mongodb_server_selection_timeout_ms=100)


def test_client_uses_the_configured_pool() -> None:
    client = build_client(Settings(mongodb_max_pool_size=7, mongodb_min_pool_size=2))
    try:
        options: ClientOptions = client.delegate.options
        pool = options.pool_options
        assert (pool.max_pool_size, pool.min_pool_size) == (7, 2)
        assert client.codec_options.tz_aware
    finally:
        client.close()


async def test_ping_succeeds_on_a_reachable_server(database: MongoDatabase) -> None:
    assert await database.ping() is True


async def test_ping_fails_when_the_server_is_down() -> None:
    database = MongoDatabase(build_client(UNREACHABLE), "missing")
    try:
        assert await database.ping() is False
    finally:
        database.close()


async def test_every_index_is_created(database: MongoDatabase) -> None:
    for collection, models in INDEXES.items():
        existing = await database.collection(collection).index_information()
        assert {model.document["name"] for model in models} <= set(existing)


async def test_indexes_on_a_server_that_is_down_fail_clearly() -> None:
    database = MongoDatabase(build_client(UNREACHABLE), "missing")
    try:
        with pytest.raises(DatabaseUnavailableError, match="MONGODB_URL"):
            await database.ensure_indexes(INDEXES)
    finally:
        database.close()


async def test_the_app_does_not_start_without_its_server() -> None:
    app = create_app(UNREACHABLE)

    with pytest.raises(DatabaseUnavailableError):
        async with app.router.lifespan_context(app):
            pytest.fail("the application started without a database")


async def test_drop_removes_the_database(database: MongoDatabase) -> None:
    await database.collection("scratch").insert_one({"_id": "x"})
    assert "scratch" in await database.database.list_collection_names()

    await database.drop()

    assert "scratch" not in await database.database.list_collection_names()

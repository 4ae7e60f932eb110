"""The service against a real MongoDB server: indexes, CRUD, unique values and aggregation.

These are the only tests that may be skipped: they run when ``MONGODB_URL`` is set (CI, ``docker compose``) and
use a database of their own, dropped afterwards. Every other test runs on mongomock-motor.
"""

import os
from collections.abc import AsyncIterator
from uuid import uuid4

import httpx
import pytest
from fastapi import FastAPI

from src.core.config import Settings
from src.infrastructure.mongo import MongoDatabase, build_client
from src.infrastructure.repositories.registry import INDEXES
from src.main import create_app
from tests.helpers import assert_problem, create_credit_score_record, create_audit_log_entry

MONGODB_URL = os.environ.get("MONGODB_URL", "")

pytestmark = [
    pytest.mark.mongodb,
    pytest.mark.skipif(not MONGODB_URL, reason="MONGODB_URL is not set: no MongoDB server to test against"),
]


@pytest.fixture
def real_settings() -> Settings:
    """Settings of an app on the real server, with a database of its own."""
    return Settings(mongodb_url=MONGODB_URL, mongodb_database=f"test_{uuid4().hex}")


@pytest.fixture
async def real_app(real_settings: Settings) -> AsyncIterator[FastAPI]:
    """The application on the real server; its database is dropped afterwards."""
    application = create_app(real_settings)
    try:
        async with application.router.lifespan_context(application):
            yield application
    finally:
        database = MongoDatabase(build_client(real_settings), real_settings.mongodb_database)
        await database.drop()
        database.close()


@pytest.fixture
async def real_client(real_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """HTTP client on the application backed by the real server."""
    transport = httpx.ASGITransport(app=real_app)
    async with httpx.AsyncClient(
        transport=transport,
        base_url="http://finance-audit-data-mongo",
    ) as http_client:
        yield http_client


async def test_ready_and_indexes(real_app: FastAPI, real_client: httpx.AsyncClient) -> None:
    database: MongoDatabase = real_app.state.database
    assert await database.ping()
    assert (await real_client.get("/ready")).json() == {"status": "ready"}
    for collection, models in INDEXES.items():
        existing = await database.collection(collection).index_information()
        assert {model.document["name"] for model in models} <= set(existing)


async def test_credit_score_record_life_cycle(real_client: httpx.AsyncClient) -> None:
    url = "/api/v1/credit-score-records"
    created = await create_credit_score_record(real_client)
    await create_credit_score_record(real_client)

    assert (await real_client.get(f"{url}/{created['id']}")).json() == created
    page = (await real_client.get(url, params={"sort": "-created_at", "limit": 1})).json()
    assert (page["total"], len(page["items"])) == (2, 1)
    change = {"borrower_ref": "11111111-1111-4111-8111-111111111111"}
    changed = await real_client.patch(f"{url}/{created['id']}", json=change)
    assert changed.status_code == 200, changed.text
    counted = await real_client.post(f"{url}/aggregate", json={"pipeline": [{"$count": "all"}]})
    assert counted.json() == {"items": [{"all": 2}]}
    refused = await real_client.post(f"{url}/aggregate", json={"pipeline": [{"$out": "copy"}]})
    assert_problem(refused, 422)
    assert (await real_client.delete(f"{url}/{created['id']}")).status_code == 204
    assert_problem(await real_client.get(f"{url}/{created['id']}"), 404)


async def test_audit_log_entry_life_cycle(real_client: httpx.AsyncClient) -> None:
    url = "/api/v1/audit-log-entries"
    created = await create_audit_log_entry(real_client)
    await create_audit_log_entry(real_client)

    assert (await real_client.get(f"{url}/{created['id']}")).json() == created
    page = (await real_client.get(url, params={"sort": "-created_at", "limit": 1})).json()
    assert (page["total"], len(page["items"])) == (2, 1)
    change = {"actor": "updated"}
    changed = await real_client.patch(f"{url}/{created['id']}", json=change)
    assert changed.status_code == 200, changed.text
    counted = await real_client.post(f"{url}/aggregate", json={"pipeline": [{"$count": "all"}]})
    assert counted.json() == {"items": [{"all": 2}]}
    refused = await real_client.post(f"{url}/aggregate", json={"pipeline": [{"$out": "copy"}]})
    assert_problem(refused, 422)
    assert (await real_client.delete(f"{url}/{created['id']}")).status_code == 204
    assert_problem(await real_client.get(f"{url}/{created['id']}"), 404)

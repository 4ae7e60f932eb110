"""Settings, and the HTTP clients the lifespan opens from them."""

import httpx
import pytest

from src.core.config import Settings, get_settings
from src.main import create_app


def test_data_service_urls_default_to_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINANCE_LENDING_DATA_POSTGRES_URL", raising=False)
    monkeypatch.delenv("FINANCE_AUDIT_DATA_MONGO_URL", raising=False)

    assert Settings().data_service_urls() == {
        "finance_lending_data_postgres": "http://localhost:8001",
        "finance_audit_data_mongo": "http://localhost:8002",
    }


def test_data_service_urls_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "FINANCE_LENDING_DATA_POSTGRES_URL",
        "http://finance_lending_data_postgres:8000",
    )
    monkeypatch.setenv(
        "FINANCE_AUDIT_DATA_MONGO_URL",
        "http://finance_audit_data_mongo:8000",
    )
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.data_service_urls() == {
        "finance_lending_data_postgres": "http://finance_lending_data_postgres:8000",
        "finance_audit_data_mongo": "http://finance_audit_data_mongo:8000",
    }


async def test_lifespan_opens_one_client_per_data_service_and_closes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FINANCE_LENDING_DATA_POSTGRES_URL", raising=False)
    monkeypatch.delenv("FINANCE_AUDIT_DATA_MONGO_URL", raising=False)
    app = create_app(Settings(http_timeout_seconds=2.5))

    async with app.router.lifespan_context(app):
        clients: dict[str, httpx.AsyncClient] = app.state.http_clients
        assert {name: str(client.base_url).rstrip("/") for name, client in clients.items()} == {
            "finance_lending_data_postgres": "http://localhost:8001",
            "finance_audit_data_mongo": "http://localhost:8002",
        }
        assert all(client.timeout.read == 2.5 for client in clients.values())

    assert all(client.is_closed for client in clients.values())

"""Settings, and the HTTP clients the lifespan opens from them."""

import httpx
import pytest

from src.core.config import Settings, get_settings
from src.main import create_app


def test_data_service_urls_default_to_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEALTHCARE_CLINIC_DATA_POSTGRES_URL", raising=False)

    assert Settings().data_service_urls() == {
        "healthcare_clinic_data_postgres": "http://localhost:8001",
    }


def test_data_service_urls_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(
        "HEALTHCARE_CLINIC_DATA_POSTGRES_URL",
        "http://healthcare_clinic_data_postgres:8000",
    )
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.data_service_urls() == {
        "healthcare_clinic_data_postgres": "http://healthcare_clinic_data_postgres:8000",
    }


async def test_lifespan_opens_one_client_per_data_service_and_closes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEALTHCARE_CLINIC_DATA_POSTGRES_URL", raising=False)
    app = create_app(Settings(http_timeout_seconds=2.5))

    async with app.router.lifespan_context(app):
        clients: dict[str, httpx.AsyncClient] = app.state.http_clients
        assert {name: str(client.base_url).rstrip("/") for name, client in clients.items()} == {
            "healthcare_clinic_data_postgres": "http://localhost:8001",
        }
        assert all(client.timeout.read == 2.5 for client in clients.values())

    assert all(client.is_closed for client in clients.values())

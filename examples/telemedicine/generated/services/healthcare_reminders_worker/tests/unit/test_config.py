"""Settings come from the environment, with defaults for local development."""

import pytest

from src.core.config import Settings, get_settings


def test_defaults_point_at_localhost(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "RABBITMQ_URL",
        "REDIS_URL",
        "HEALTHCARE_TELEMEDICINE_API_URL",
        "EVENTS_NAMESPACE",
        "PREFETCH_COUNT",
    ):
        monkeypatch.delenv(name, raising=False)

    settings = Settings()

    assert settings.api_url == "http://localhost:8000"
    assert settings.redis_url.endswith("/2")
    assert settings.events_namespace == ""
    assert settings.prefetch_count == 10


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEALTHCARE_TELEMEDICINE_API_URL", "http://business-api:8000")
    monkeypatch.setenv("MAX_RETRIES", "7")
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.api_url == "http://business-api:8000"
    assert settings.max_retries == 7

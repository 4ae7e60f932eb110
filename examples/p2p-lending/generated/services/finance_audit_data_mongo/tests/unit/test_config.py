"""Settings: the MongoDB URL, database and pool sizes."""

import pytest
from pydantic import ValidationError

from src.core.config import DEFAULT_MONGODB_URL, Settings, get_settings


def test_defaults_point_at_a_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MONGODB_URL", "MONGODB_DATABASE", "MONGODB_MAX_POOL_SIZE", "MONGODB_MIN_POOL_SIZE"):
        monkeypatch.delenv(name, raising=False)

    settings = Settings()

    assert settings.resolved_mongodb_url == DEFAULT_MONGODB_URL == "mongodb://localhost:27017"
    assert settings.mongodb_database == "finance_audit_data_mongo"
    assert (settings.mongodb_max_pool_size, settings.mongodb_min_pool_size) == (20, 5)


def test_empty_url_means_the_local_server() -> None:
    assert Settings(mongodb_url="").resolved_mongodb_url == DEFAULT_MONGODB_URL


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONGODB_URL", "mongodb://user:secret@db:27017/?authSource=admin")
    monkeypatch.setenv("MONGODB_DATABASE", "records")
    monkeypatch.setenv("MONGODB_MAX_POOL_SIZE", "50")
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.resolved_mongodb_url == "mongodb://user:secret@db:27017/?authSource=admin"
    assert settings.mongodb_database == "records"
    assert settings.mongodb_max_pool_size == 50
    assert settings.log_level == "DEBUG"


def test_min_pool_size_cannot_exceed_max() -> None:
    with pytest.raises(ValidationError, match="MONGODB_MIN_POOL_SIZE"):
        Settings(mongodb_min_pool_size=10, mongodb_max_pool_size=5)


def test_database_name_cannot_be_empty() -> None:
    with pytest.raises(ValidationError):
        Settings(mongodb_database="")

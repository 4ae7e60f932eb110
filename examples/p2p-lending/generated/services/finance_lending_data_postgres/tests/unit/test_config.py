"""Settings and the database URL they resolve to."""

import pytest

from src.core.config import Settings, get_settings


def test_database_url_wins_when_set() -> None:
    settings = Settings(database_url="postgresql+asyncpg://user:secret@db:5432/app")

    assert settings.resolved_database_url == "postgresql+asyncpg://user:secret@db:5432/app"


def test_sqlite_file_is_used_without_database_url() -> None:
    settings = Settings(database_url=None, sqlite_path="var/service.db")

    assert settings.resolved_database_url == "sqlite+aiosqlite:///var/service.db"


def test_empty_database_url_means_unset() -> None:
    assert Settings(database_url="", sqlite_path="x.db").resolved_database_url == "sqlite+aiosqlite:///x.db"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("SQLITE_PATH", "env.db")
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.log_level == "DEBUG"
    assert settings.sqlite_path == "env.db"

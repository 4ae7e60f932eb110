"""Settings and the Redis database of the bot."""

import pytest
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from pydantic import ValidationError

from src.core.config import REDIS_DB, Settings, get_settings
from src.infrastructure.redis import build_fsm_storage, open_redis, redis_url_for_db


def test_defaults_are_for_development(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "FINANCE_LENDING_API_URL",
        "BOT_WEBHOOK_URL",
        "REDIS_URL",
        "RABBITMQ_URL",
        "BOT_PORT",
    ):
        monkeypatch.delenv(name, raising=False)

    settings = Settings()

    assert settings.api_url == "http://localhost:8000"
    assert settings.bot_port == 8004
    assert settings.is_webhook is False
    assert settings.redis_url is None
    assert settings.rabbitmq_url is None


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FINANCE_LENDING_API_URL", "http://api:8000")
    monkeypatch.setenv("BOT_WEBHOOK_URL", "https://bot.example.org/telegram")
    monkeypatch.setenv("BOT_WEBHOOK_SECRET", "WEBHOOK-SECRET")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:SECRET")
    get_settings.cache_clear()
    try:
        settings = get_settings()
    finally:
        get_settings.cache_clear()

    assert settings.api_url == "http://api:8000"
    assert settings.is_webhook is True
    assert settings.bot_webhook_secret == "WEBHOOK-SECRET"
    assert "SECRET" not in repr(settings)


@pytest.mark.parametrize("secret", [None, ""])
def test_webhook_mode_requires_a_secret(monkeypatch: pytest.MonkeyPatch, secret: str | None) -> None:
    monkeypatch.setenv("BOT_WEBHOOK_URL", "https://bot.example.org/telegram")
    if secret is None:
        monkeypatch.delenv("BOT_WEBHOOK_SECRET", raising=False)
    else:
        monkeypatch.setenv("BOT_WEBHOOK_SECRET", secret)

    with pytest.raises(ValidationError, match="BOT_WEBHOOK_SECRET is not set"):
        Settings()


def test_polling_mode_needs_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BOT_WEBHOOK_URL", "")
    monkeypatch.setenv("BOT_WEBHOOK_SECRET", "")

    assert Settings().is_webhook is False


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis://localhost:6379/0", f"redis://localhost:6379/{REDIS_DB}"),
        ("redis://:pw@redis:6379", f"redis://:pw@redis:6379/{REDIS_DB}"),
        ("rediss://redis:6380/5?ssl_cert_reqs=none", f"rediss://redis:6380/{REDIS_DB}?ssl_cert_reqs=none"),
    ],
)
def test_the_bot_uses_its_own_redis_database(url: str, expected: str) -> None:
    assert redis_url_for_db(url) == expected


async def test_fsm_storage_is_in_memory_without_redis() -> None:
    assert isinstance(build_fsm_storage(None), MemoryStorage)


async def test_fsm_storage_is_in_redis_with_redis() -> None:
    redis = open_redis("redis://localhost:6379/0")
    storage = build_fsm_storage(redis)

    assert isinstance(storage, RedisStorage)
    assert redis.connection_pool.connection_kwargs["db"] == REDIS_DB
    await storage.close()

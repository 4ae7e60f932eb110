"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "finance_notifications_bot"
SERVICE_VERSION = "0.1.0"
PROJECT_TITLE = "P2p Lending"
PROJECT_DESCRIPTION = "A peer-to-peer lending marketplace — verified borrowers apply for loans, lenders invest in them, repayments are tracked, a worker scores credit and every security-relevant action is audited"  # fmt: skip
REDIS_DB = 1
"""Redis database of this bot: FSM state and subscribed chats live there, whatever REDIS_URL names."""
WEBHOOK_SECRET_MISSING = (
    "BOT_WEBHOOK_SECRET is not set: webhook mode (BOT_WEBHOOK_URL is set) requires it, so that only Telegram "
    "can post updates to the webhook (it sends the secret in the X-Telegram-Bot-Api-Secret-Token header)."
)


class Settings(BaseSettings):
    """Configuration of the bot; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    telegram_bot_token: str = Field(default="", repr=False)
    telegram_api_url: str | None = None
    """Base URL of a self-hosted Telegram Bot API server (``telegram-bot-api --local``); unset means api.telegram.org."""
    bot_webhook_url: str | None = None
    """Public HTTPS URL Telegram posts updates to; unset means long polling."""
    bot_webhook_secret: str | None = Field(default=None, repr=False, validate_default=True)
    """Checked against the ``X-Telegram-Bot-Api-Secret-Token`` header of every webhook call; required by webhook mode."""
    bot_host: str = "127.0.0.1"
    """Interface of the health and webhook server: the loopback unless BOT_HOST is set (the Dockerfile sets 0.0.0.0)."""
    bot_port: int = 8004
    finance_lending_api_url: str = "http://localhost:8000"
    http_timeout_seconds: float = 5.0
    api_key: str = Field(default="", repr=False)
    """Sent as ``X-API-Key`` to the business API: one of its ``API_KEYS``."""
    redis_url: str | None = None
    """Without it, FSM state and subscribed chats are kept in memory (development only)."""
    rabbitmq_url: str | None = None
    """Without it, no events are consumed and no notifications are sent."""
    processing_ttl_seconds: int = Field(default=300, ge=1)
    """How long an event is claimed while its chats are notified: a bot that crashed meanwhile loses its claim then."""
    idempotency_ttl_seconds: int = Field(default=86_400, ge=1)
    """How long a notified event is remembered, so that a redelivered or republished copy is not sent again."""
    list_limit: int = Field(default=10, ge=1, le=100)
    """How many items a list command shows."""
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)

    @field_validator("bot_webhook_secret")
    @classmethod
    def _webhook_requires_a_secret(cls, secret: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("bot_webhook_url") and not secret:
            raise ValueError(WEBHOOK_SECRET_MISSING)
        return secret

    @property
    def api_url(self) -> str:
        """Base URL of the business API."""
        return self.finance_lending_api_url

    @property
    def is_webhook(self) -> bool:
        """Whether Telegram delivers updates to the webhook rather than through polling."""
        return bool(self.bot_webhook_url)


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

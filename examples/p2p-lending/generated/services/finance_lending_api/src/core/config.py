"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.security.api_keys import parse_api_keys
from shared.security.rbac import Role
from shared.web.cors import CorsOrigins

SERVICE_NAME = "finance_lending_api"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "A peer-to-peer lending marketplace — verified borrowers apply for loans, lenders invest in them, repayments are tracked, a worker scores credit and every security-relevant action is audited"  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    # Browser origins allowed by CORS (CORS_ORIGINS: comma-separated or a JSON array); empty turns CORS off.
    cors_origins: CorsOrigins = []
    http_timeout_seconds: float = Field(default=5.0, gt=0)
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    # Circuit breaker per data service: CIRCUIT_BREAKER_FAILURE_THRESHOLD consecutive failures (5xx, timeouts,
    # connection errors) open it; calls then fail fast (503) until CIRCUIT_BREAKER_RESET_TIMEOUT_SECONDS have passed
    # and one trial call succeeds.
    circuit_breaker_failure_threshold: int = Field(default=5, ge=1)
    circuit_breaker_reset_timeout_seconds: float = Field(default=30.0, gt=0)
    finance_lending_data_postgres_url: str = "http://localhost:8001"
    finance_audit_data_mongo_url: str = "http://localhost:8002"
    # Events: published to RabbitMQ when RABBITMQ_URL is set; unset, they are only logged (development mode).
    rabbitmq_url: str | None = None
    events_namespace: str = ""
    event_publish_attempts: int = 3
    event_publish_backoff_seconds: float = 0.2
    event_publish_timeout_seconds: float = 5.0
    # The keys accepted in X-API-Key, comma-separated. Empty: no key is accepted (every /api/v1 request without
    # other credentials is refused with 401).
    api_keys: str = Field(default="", repr=False)
    # The role of a request authenticated by an API key (service accounts: the worker, the bot, load tests).
    api_key_role: Role = Role.ADMIN
    # Tokens: HS256 with this secret (at least 32 characters; required, there is no default).
    jwt_secret_key: SecretStr = Field(min_length=32)
    access_token_minutes: int = Field(default=30, ge=1)
    refresh_token_days: int = Field(default=7, ge=1)
    bcrypt_rounds: int = Field(default=12, ge=4, le=31)
    # Accounts, refresh-token state and rate-limit counters live in this Redis database.
    redis_url: str = "redis://localhost:6379/0"
    # At most this many requests per user or API key and window.
    rate_limit_requests: int = Field(default=120, ge=1)
    rate_limit_window_seconds: int = Field(default=60, ge=1)

    def data_service_urls(self) -> dict[str, str]:
        """Base URL of every data service, by service name."""
        return {
            "finance_lending_data_postgres": self.finance_lending_data_postgres_url,
            "finance_audit_data_mongo": self.finance_audit_data_mongo_url,
        }

    def api_key_list(self) -> tuple[str, ...]:
        """The accepted API keys."""
        return parse_api_keys(self.api_keys)


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

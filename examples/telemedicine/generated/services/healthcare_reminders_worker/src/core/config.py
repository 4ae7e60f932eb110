"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "healthcare_reminders_worker"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "Online consultations for a network of clinics — patients book video visits with doctors in their free slots, keep their medical records and prescriptions, and get reminded before each visit"  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the worker; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    log_level: str = "INFO"
    rabbitmq_url: str = "amqp://guest:guest@localhost:5672/"
    redis_url: str = "redis://localhost:6379/2"
    api_url: str = Field(
        default="http://localhost:8000",
        validation_alias=AliasChoices("HEALTHCARE_TELEMEDICINE_API_URL", "api_url"),
        description="Base URL of the business API, from HEALTHCARE_TELEMEDICINE_API_URL.",
    )
    http_timeout_seconds: float = 5.0
    # Prefixes every exchange and queue name (tests, parallel runs); empty in production.
    events_namespace: str = ""
    # Messages handled at the same time: the channel's QoS prefetch count.
    prefetch_count: int = Field(default=10, ge=1)
    # A message failing with a recoverable error is retried MAX_RETRIES times, after RETRY_DELAY_SECONDS and then
    # twice as long each time (at most RETRY_MAX_DELAY_SECONDS), before it goes to the dead-letter queue.
    max_retries: int = Field(default=3, ge=0)
    retry_delay_seconds: float = Field(default=5.0, gt=0)
    retry_max_delay_seconds: float = Field(default=300.0, gt=0)
    # Idempotency keys in Redis: a message id is claimed for PROCESSING_TTL_SECONDS, remembered as done for
    # IDEMPOTENCY_TTL_SECONDS.
    processing_ttl_seconds: int = Field(default=300, ge=1)
    idempotency_ttl_seconds: int = Field(default=86_400, ge=1)
    # On SIGTERM, messages being handled get this long to finish before the connection closes.
    shutdown_grace_seconds: float = 30.0
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    # /health and /ready: on the loopback only unless HTTP_HOST says otherwise (the
    # Dockerfile sets 0.0.0.0, for the container's network).
    http_host: str = "127.0.0.1"
    http_port: int = 8002
    send_due_reminders_every_seconds: float = 300


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

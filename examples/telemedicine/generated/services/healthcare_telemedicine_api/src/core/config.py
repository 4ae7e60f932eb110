"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "healthcare_telemedicine_api"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "Online consultations for a network of clinics — patients book video visits with doctors in their free slots, keep their medical records and prescriptions, and get reminded before each visit"  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    http_timeout_seconds: float = Field(default=5.0, gt=0)
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    healthcare_telemedicine_data_postgres_url: str = "http://localhost:8001"
    # Events: published to RabbitMQ when RABBITMQ_URL is set; unset, they are only logged (development mode).
    rabbitmq_url: str | None = None
    events_namespace: str = ""
    event_publish_attempts: int = 3
    event_publish_backoff_seconds: float = 0.2
    event_publish_timeout_seconds: float = 5.0

    def data_service_urls(self) -> dict[str, str]:
        """Base URL of every data service, by service name."""
        return {
            "healthcare_telemedicine_data_postgres": self.healthcare_telemedicine_data_postgres_url,
        }


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

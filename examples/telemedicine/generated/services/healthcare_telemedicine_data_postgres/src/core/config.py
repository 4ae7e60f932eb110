"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "healthcare_telemedicine_data_postgres"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "Online consultations for a network of clinics — patients book video visits with doctors in their free slots, keep their medical records and prescriptions, and get reminded before each visit"  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    database_url: str | None = None
    sqlite_path: str = "data/healthcare_telemedicine_data_postgres.db"
    database_echo: bool = False
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)

    @property
    def resolved_database_url(self) -> str:
        """``DATABASE_URL`` when it is set, otherwise an SQLite file at ``SQLITE_PATH``."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.sqlite_path}"


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

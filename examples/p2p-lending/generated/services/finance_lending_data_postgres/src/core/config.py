"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.web.cors import CorsOrigins

SERVICE_NAME = "finance_lending_data_postgres"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "A peer-to-peer lending marketplace — verified borrowers apply for loans, lenders invest in them, repayments are tracked, a worker scores credit and every security-relevant action is audited"  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    # Browser origins allowed by CORS (CORS_ORIGINS: comma-separated or a JSON array); empty turns CORS off.
    cors_origins: CorsOrigins = []
    database_url: str | None = None
    sqlite_path: str = "data/finance_lending_data_postgres.db"
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

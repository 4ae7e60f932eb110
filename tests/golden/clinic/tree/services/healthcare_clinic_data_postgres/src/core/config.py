"""Settings read from environment variables."""

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "healthcare_clinic_data_postgres"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = 'Appointments for a small "clinic" \\ with a backslash and """triple quotes"""'  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    database_url: str | None = None
    sqlite_path: str = "data/healthcare_clinic_data_postgres.db"
    database_echo: bool = False

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

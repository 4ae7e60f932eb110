"""Settings read from environment variables."""

from functools import lru_cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

SERVICE_NAME = "healthcare_clinic_api"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = 'Appointments for a small "clinic" \\ with a backslash and """triple quotes"""'  # fmt: skip


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    http_timeout_seconds: float = Field(default=5.0, gt=0)
    healthcare_clinic_data_postgres_url: str = "http://localhost:8001"

    def data_service_urls(self) -> dict[str, str]:
        """Base URL of every data service, by service name."""
        return {
            "healthcare_clinic_data_postgres": self.healthcare_clinic_data_postgres_url,
        }


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

"""Settings read from environment variables."""

from functools import lru_cache
from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from shared.web.cors import CorsOrigins

SERVICE_NAME = "finance_audit_data_mongo"
SERVICE_VERSION = "0.1.0"
PROJECT_DESCRIPTION = "A peer-to-peer lending marketplace — verified borrowers apply for loans, lenders invest in them, repayments are tracked, a worker scores credit and every security-relevant action is audited"  # fmt: skip
DEFAULT_MONGODB_URL = "mongodb://localhost:27017"


class Settings(BaseSettings):
    """Configuration of the service; every field can be set by the environment variable of the same name."""

    model_config = SettingsConfigDict(extra="ignore")

    log_level: str = "INFO"
    # Browser origins allowed by CORS (CORS_ORIGINS: comma-separated or a JSON array); empty turns CORS off.
    cors_origins: CorsOrigins = []
    mongodb_url: str = DEFAULT_MONGODB_URL
    mongodb_database: str = Field(
        default="finance_audit_data_mongo",
        min_length=1,
    )
    mongodb_max_pool_size: int = Field(default=20, ge=1)
    mongodb_min_pool_size: int = Field(default=5, ge=0)
    mongodb_server_selection_timeout_ms: int = Field(default=5000, ge=1)
    # Sentry: errors are reported when SENTRY_DSN is set; SENTRY_TRACES_SAMPLE_RATE is the share of traces sent.
    sentry_dsn: str | None = Field(default=None, repr=False)
    sentry_environment: str = "development"
    sentry_traces_sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)

    @field_validator("mongodb_min_pool_size")
    @classmethod
    def _min_pool_within_max(cls, value: int, info: ValidationInfo) -> int:
        maximum = info.data.get("mongodb_max_pool_size")
        if isinstance(maximum, int) and value > maximum:
            raise ValueError("MONGODB_MIN_POOL_SIZE cannot be larger than MONGODB_MAX_POOL_SIZE")
        return value

    @property
    def resolved_mongodb_url(self) -> str:
        """``MONGODB_URL``, or the local server when it is unset or empty."""
        return self.mongodb_url or DEFAULT_MONGODB_URL


@lru_cache
def get_settings() -> Settings:
    """Settings of the running process, read once."""
    return Settings()

"""Application factory of healthcare_telemedicine_data_postgres; ``uvicorn src.main:app`` serves ``app``."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from shared.utils.logger import configure_logging
from shared.web.error_handler import ErrorHandlerMiddleware
from shared.web.request_id_middleware import RequestIdMiddleware
from shared.web.sentry import init_http_sentry
from src.api.health_router import router as health_router
from src.api.problems import register_problem_handlers
from src.api.v1.router import api_router
from src.core.config import PROJECT_DESCRIPTION, SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.database import Database

logger = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application; ``settings`` default to the environment."""
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    init_http_sentry(resolved, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(resolved.resolved_database_url, echo=resolved.database_echo)
        if database.is_sqlite:
            await database.create_schema()
        app.state.database = database
        logger.info("service_started", extra={"version": SERVICE_VERSION, "sqlite": database.is_sqlite})
        try:
            yield
        finally:
            await database.dispose()
            logger.info("service_stopped")

    app = FastAPI(
        title="Healthcare Telemedicine Data Postgres",
        description=PROJECT_DESCRIPTION,
        version=SERVICE_VERSION,
        lifespan=lifespan,
    )
    register_problem_handlers(app)
    app.add_middleware(ErrorHandlerMiddleware)
    app.add_middleware(RequestIdMiddleware)
    app.include_router(health_router)
    app.include_router(api_router)
    return app


app = create_app()

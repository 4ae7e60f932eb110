"""Application factory of finance_audit_data_mongo; ``uvicorn src.main:app`` serves ``app``."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider

from shared.observability.tracing import configure_tracing, instrument_app
from shared.utils.logger import configure_logging
from shared.web.cors import add_cors
from shared.web.metrics_router import router as metrics_router
from shared.web.error_handler import ErrorHandlerMiddleware
from shared.web.metrics import HttpMetrics, MetricsMiddleware
from shared.web.request_id_middleware import RequestIdMiddleware
from shared.web.sentry import init_http_sentry
from src.api.health_router import router as health_router
from src.api.problems import register_problem_handlers
from src.api.v1.router import api_router
from src.core.config import PROJECT_DESCRIPTION, SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.mongo import MongoClient, MongoDatabase, build_client
from src.infrastructure.repositories.registry import INDEXES

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    *,
    client: MongoClient | None = None,
    tracer_provider: TracerProvider | None = None,
) -> FastAPI:
    """Build the application; ``settings`` default to the environment.

    ``client`` replaces the client built from ``MONGODB_URL`` (tests pass an in-memory one); the caller keeps
    ownership of a client it passes, the application closes the one it builds.
    ``tracer_provider`` receives the spans of the requests; by default the one ``configure_tracing`` builds when
    ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (no tracing otherwise).
    """
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    init_http_sentry(resolved, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)
    owns_tracing = tracer_provider is None
    tracing = configure_tracing(SERVICE_NAME, SERVICE_VERSION) if owns_tracing else tracer_provider

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = client is None
        database = MongoDatabase(build_client(resolved) if client is None else client, resolved.mongodb_database)
        try:
            await database.ensure_indexes(INDEXES)
            app.state.database = database
            logger.info("service_started", extra={"version": SERVICE_VERSION, "database": database.name})
            yield
        finally:
            if owned:
                database.close()
            logger.info("service_stopped")
            if tracing is not None and owns_tracing:
                tracing.shutdown()

    app = FastAPI(
        title="Finance Audit Data Mongo",
        description=PROJECT_DESCRIPTION,
        version=SERVICE_VERSION,
        lifespan=lifespan,
    )
    register_problem_handlers(app)
    app.add_middleware(ErrorHandlerMiddleware)
    metrics = HttpMetrics()
    app.state.metrics = metrics
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    app.add_middleware(RequestIdMiddleware)
    add_cors(app, resolved.cors_origins)
    app.include_router(health_router)
    app.include_router(metrics_router)
    app.include_router(api_router)
    if tracing is not None:
        instrument_app(app, tracing)
    return app


app = create_app()

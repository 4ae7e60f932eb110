"""Application factory of healthcare_telemedicine_api; ``uvicorn src.main:app`` serves ``app``."""

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
from fastapi import FastAPI

from shared.messaging.publisher import EventPublisher, open_event_publisher
from shared.messaging.topology import Topology
from shared.utils.logger import configure_logging
from shared.web.error_handler import ErrorHandlerMiddleware
from shared.web.request_id_middleware import RequestIdMiddleware
from shared.web.sentry import init_http_sentry
from src.api.health_router import router as health_router
from src.api.problems import register_problem_handlers
from src.api.v1.router import api_router
from src.core.config import PROJECT_DESCRIPTION, SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.http_clients.factory import open_http_clients

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    http_clients: Mapping[str, httpx.AsyncClient] | None = None,
    event_publisher: EventPublisher | None = None,
) -> FastAPI:
    """Build the application.

    ``settings`` default to the environment. ``http_clients`` (by data service name) replace the clients the
    lifespan would open, for tests; the caller keeps ownership of them.
    ``event_publisher`` replaces the publisher the lifespan would open: RabbitMQ when ``RABBITMQ_URL`` is set,
    otherwise a publisher that only logs the events (with a warning at start-up).
    """
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    init_http_sentry(resolved, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if http_clients is None:
                app.state.http_clients = await open_http_clients(resolved, stack)
            else:
                app.state.http_clients = dict(http_clients)
            if event_publisher is None:
                app.state.event_publisher = await open_event_publisher(
                    resolved.rabbitmq_url,
                    Topology(resolved.events_namespace),
                    stack,
                    max_attempts=resolved.event_publish_attempts,
                    backoff_seconds=resolved.event_publish_backoff_seconds,
                    timeout_seconds=resolved.event_publish_timeout_seconds,
                )
            else:
                app.state.event_publisher = event_publisher
            logger.info("service_started", extra={"version": SERVICE_VERSION})
            yield
        logger.info("service_stopped")

    app = FastAPI(
        title="Healthcare Telemedicine Api",
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

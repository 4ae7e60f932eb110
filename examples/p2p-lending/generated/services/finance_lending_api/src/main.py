"""Application factory of finance_lending_api; ``uvicorn src.main:app`` serves ``app``."""

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
from fastapi import FastAPI
from opentelemetry.sdk.trace import TracerProvider
from redis.asyncio import Redis

from shared.messaging.publisher import EventPublisher, open_event_publisher
from shared.messaging.topology import Topology
from shared.observability.tracing import configure_tracing, instrument_app, instrument_http_client
from shared.resilience.circuit_breaker import CircuitBreakerMetrics, CircuitBreakers
from shared.utils.logger import configure_logging
from shared.web.cors import add_cors
from shared.web.metrics_router import router as metrics_router
from shared.web.error_handler import ErrorHandlerMiddleware
from shared.web.metrics import HttpMetrics, MetricsMiddleware
from shared.web.request_id_middleware import RequestIdMiddleware
from shared.web.sentry import init_http_sentry
from src.api.health_router import router as health_router
from src.api.problems import register_problem_handlers
from src.api.security import build_security_context
from src.api.v1.router import api_router
from src.core.config import PROJECT_DESCRIPTION, SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.http_clients.factory import open_http_clients

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    http_clients: Mapping[str, httpx.AsyncClient] | None = None,
    event_publisher: EventPublisher | None = None,
    tracer_provider: TracerProvider | None = None,
) -> FastAPI:
    """Build the application.

    ``settings`` default to the environment. ``http_clients`` (by data service name) replace the clients the
    lifespan would open, for tests; the caller keeps ownership of them.
    ``event_publisher`` replaces the publisher the lifespan would open: RabbitMQ when ``RABBITMQ_URL`` is set,
    otherwise a publisher that only logs the events (with a warning at start-up).
    ``tracer_provider`` receives the spans of the requests and of the calls to the data services; by default the
    one ``configure_tracing`` builds when ``OTEL_EXPORTER_OTLP_ENDPOINT`` is set (no tracing otherwise).
    """
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    init_http_sentry(resolved, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)
    owns_tracing = tracer_provider is None
    tracing = configure_tracing(SERVICE_NAME, SERVICE_VERSION) if owns_tracing else tracer_provider
    breakers = CircuitBreakers(
        failure_threshold=resolved.circuit_breaker_failure_threshold,
        reset_timeout_seconds=resolved.circuit_breaker_reset_timeout_seconds,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if tracing is not None and owns_tracing:
                stack.callback(tracing.shutdown)
            if http_clients is None:
                app.state.http_clients = await open_http_clients(resolved, stack, breakers)
            else:
                app.state.http_clients = dict(http_clients)
            if tracing is not None:
                for client in app.state.http_clients.values():
                    instrument_http_client(client, tracing)
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
            redis = Redis.from_url(resolved.redis_url, decode_responses=True)
            stack.push_async_callback(redis.aclose)
            app.state.security = build_security_context(resolved, redis)
            if not resolved.api_key_list():
                logger.warning("api_keys_empty", extra={"hint": "set API_KEYS: no X-API-Key is accepted"})
            logger.info("service_started", extra={"version": SERVICE_VERSION})
            yield
        logger.info("service_stopped")

    app = FastAPI(
        title="Finance Lending Api",
        description=PROJECT_DESCRIPTION,
        version=SERVICE_VERSION,
        lifespan=lifespan,
    )
    register_problem_handlers(app)
    app.state.circuit_breakers = breakers
    app.add_middleware(ErrorHandlerMiddleware)
    metrics = HttpMetrics()
    app.state.metrics = metrics
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    breakers.listen(CircuitBreakerMetrics(metrics.registry).record)
    app.add_middleware(RequestIdMiddleware)
    add_cors(app, resolved.cors_origins)
    app.include_router(health_router)
    app.include_router(metrics_router)
    app.include_router(api_router)
    if tracing is not None:
        instrument_app(app, tracing)
    return app


app = create_app()

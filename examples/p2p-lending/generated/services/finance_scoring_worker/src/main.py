"""Entry point of finance_scoring_worker: ``python -m src.main``.

``main()`` owns the event loop: settings, logging, then one ``AsyncExitStack`` opening RabbitMQ, Redis and the
business API client once. SIGTERM and SIGINT set a stop event. On stop: stop consuming, let the messages being
handled finish and be acknowledged (up to ``SHUTDOWN_GRACE_SECONDS``), stop the scheduled jobs, close everything.
"""

import asyncio
import logging
import signal
from collections.abc import Callable
from contextlib import AsyncExitStack
from dataclasses import dataclass

import aio_pika
import httpx
from aio_pika.abc import AbstractRobustConnection
from opentelemetry.sdk.trace import TracerProvider
from redis.asyncio import Redis

from shared.messaging.idempotency import RedisIdempotencyStore
from shared.messaging.topology import Topology
from shared.observability.tracing import configure_tracing, instrument_http_client
from shared.utils.logger import configure_logging
from shared.utils.sentry import init_sentry
from src.application.jobs import event_routes, scheduled_jobs
from src.core.config import SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.business_api import BusinessApi, open_http_client
from src.infrastructure.consumer import EventConsumer, RetryPolicy
from src.infrastructure.http_server import HttpServer, probe_handler
from src.infrastructure.metrics import MessageMetrics
from src.infrastructure.scheduler import Scheduler

logger = logging.getLogger(__name__)


@dataclass
class Dependencies:
    """The clients the worker opens once and shares: RabbitMQ, Redis and the business API."""

    connection: AbstractRobustConnection
    redis: Redis
    http_client: httpx.AsyncClient


async def open_dependencies(
    settings: Settings,
    stack: AsyncExitStack,
    tracer_provider: TracerProvider | None = None,
) -> Dependencies:
    """Open every client; ``stack`` closes them in reverse order. With ``tracer_provider``, the calls to the
    business API are traced and carry ``traceparent``.
    """
    connection = await aio_pika.connect_robust(settings.rabbitmq_url)
    stack.push_async_callback(connection.close)
    redis = Redis.from_url(settings.redis_url, decode_responses=True)
    stack.push_async_callback(redis.aclose)
    http_client = await stack.enter_async_context(
        open_http_client(settings.api_url, settings.http_timeout_seconds, settings.api_key),
    )
    if tracer_provider is not None:
        instrument_http_client(http_client, tracer_provider)
    return Dependencies(connection=connection, redis=redis, http_client=http_client)


class Worker:
    """The consumer and the scheduled jobs of this service, over opened dependencies."""

    def __init__(self, settings: Settings, dependencies: Dependencies, metrics: MessageMetrics) -> None:
        self.settings = settings
        self.dependencies = dependencies
        self.metrics = metrics
        self.topology = Topology(settings.events_namespace)
        self.api = BusinessApi(dependencies.http_client)
        scope = self.topology.name(SERVICE_NAME)
        self.store = RedisIdempotencyStore(
            dependencies.redis,
            scope,
            processing_ttl_seconds=settings.processing_ttl_seconds,
            done_ttl_seconds=settings.idempotency_ttl_seconds,
        )
        self.scheduler = Scheduler(dependencies.redis, scope, metrics)
        self.consumer: EventConsumer | None = None
        self.stopping = False

    async def start(self) -> None:
        """Open a channel and start consuming."""
        channel = await self.dependencies.connection.channel(publisher_confirms=True)
        self.consumer = EventConsumer(
            channel,
            self.topology,
            self.store,
            event_routes(self.api),
            prefetch_count=self.settings.prefetch_count,
            retry=RetryPolicy(
                max_retries=self.settings.max_retries,
                delay_seconds=self.settings.retry_delay_seconds,
                max_delay_seconds=self.settings.retry_max_delay_seconds,
            ),
            metrics=self.metrics,
        )
        await self.consumer.start()

    async def readiness(self) -> str | None:
        """``None`` when the worker can do its work, otherwise the reason it cannot."""
        if self.stopping:
            return "The worker is shutting down."
        if self.dependencies.connection.is_closed or self.consumer is None or not self.consumer.consuming:
            return "Not consuming from RabbitMQ."
        try:
            await self.dependencies.redis.ping()
        except Exception as error:
            return f"Redis does not answer: {error!r}."
        return None

    async def run_until(self, stop: asyncio.Event) -> None:
        """Run the scheduled jobs and consume until ``stop`` is set, then shut down gracefully."""
        async with asyncio.TaskGroup() as tasks:
            for job in scheduled_jobs(self.api, self.settings):
                tasks.create_task(self.scheduler.run_forever(job, stop), name=f"schedule:{job.name}")
            await stop.wait()
            self.stopping = True
            logger.info("worker_stopping")
            if self.consumer is not None:
                await self.consumer.stop(self.settings.shutdown_grace_seconds)


async def run(
    settings: Settings,
    stop: asyncio.Event,
    metrics: MessageMetrics | None = None,
    tracer_provider: TracerProvider | None = None,
) -> None:
    """Open the dependencies, run the worker until ``stop`` is set, close everything."""
    async with AsyncExitStack() as stack:
        dependencies = await open_dependencies(settings, stack, tracer_provider)
        worker = Worker(settings, dependencies, metrics if metrics is not None else MessageMetrics())
        await worker.start()
        server = HttpServer(
            probe_handler(worker.readiness, worker.metrics.render),
            settings.http_host,
            settings.http_port,
        )
        await server.start()
        stack.push_async_callback(server.close)
        logger.info("worker_started", extra={"version": SERVICE_VERSION})
        await worker.run_until(stop)
    logger.info("worker_shutdown_completed")


def install_signal_handlers(stop: asyncio.Event) -> Callable[[], None]:
    """SIGTERM and SIGINT set ``stop``; returns the function removing the handlers."""
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    for signum in signals:
        loop.add_signal_handler(signum, stop.set)

    def remove() -> None:
        for signum in signals:
            loop.remove_signal_handler(signum)

    return remove


async def main(settings: Settings | None = None) -> None:
    """Run the worker until SIGTERM or SIGINT."""
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)
    init_sentry(resolved, service_name=SERVICE_NAME, service_version=SERVICE_VERSION)
    tracing = configure_tracing(SERVICE_NAME, SERVICE_VERSION)
    stop = asyncio.Event()
    remove_signal_handlers = install_signal_handlers(stop)
    try:
        await run(resolved, stop, tracer_provider=tracing)
    finally:
        remove_signal_handlers()
        if tracing is not None:
            tracing.shutdown()


if __name__ == "__main__":
    asyncio.run(main())

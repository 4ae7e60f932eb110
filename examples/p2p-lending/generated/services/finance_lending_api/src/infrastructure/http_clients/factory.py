"""The process-wide ``httpx.AsyncClient`` of every data service, opened by the application's lifespan."""

from contextlib import AsyncExitStack

import httpx

from shared.resilience.circuit_breaker import CircuitBreaker, CircuitBreakers, CircuitBreakerTransport
from src.core.config import SERVICE_NAME, Settings


def build_http_client(
    base_url: str,
    timeout_seconds: float,
    *,
    breaker: CircuitBreaker | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> httpx.AsyncClient:
    """A pooled client for one data service; with ``breaker``, every request goes through its circuit
    (``transport`` replaces the network transport, for tests).
    """
    limits = httpx.Limits(max_connections=200, max_keepalive_connections=100)
    sender = transport if transport is not None else httpx.AsyncHTTPTransport(limits=limits)
    if breaker is not None:
        sender = CircuitBreakerTransport(sender, breaker)
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 1.0)),
        transport=sender,
        headers={"User-Agent": SERVICE_NAME},
    )


async def open_http_clients(
    settings: Settings,
    stack: AsyncExitStack,
    breakers: CircuitBreakers | None = None,
) -> dict[str, httpx.AsyncClient]:
    """One client per data service (under its breaker of ``breakers``), closed when ``stack`` closes."""
    return {
        name: await stack.enter_async_context(
            build_http_client(
                url,
                settings.http_timeout_seconds,
                breaker=breakers.get(name) if breakers is not None else None,
            ),
        )
        for name, url in settings.data_service_urls().items()
    }

"""The process-wide ``httpx.AsyncClient`` of every data service, opened by the application's lifespan."""

from contextlib import AsyncExitStack

import httpx

from src.core.config import SERVICE_NAME, Settings


def build_http_client(base_url: str, timeout_seconds: float) -> httpx.AsyncClient:
    """A pooled client for one data service."""
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=httpx.Timeout(timeout_seconds, connect=min(timeout_seconds, 1.0)),
        limits=httpx.Limits(max_connections=200, max_keepalive_connections=100),
        headers={"User-Agent": SERVICE_NAME},
    )


async def open_http_clients(settings: Settings, stack: AsyncExitStack) -> dict[str, httpx.AsyncClient]:
    """One client per data service, closed when ``stack`` closes."""
    return {
        name: await stack.enter_async_context(build_http_client(url, settings.http_timeout_seconds))
        for name, url in settings.data_service_urls().items()
    }

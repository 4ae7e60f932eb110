"""Sentry for the HTTP services: :func:`shared.utils.sentry.init_sentry` with the Starlette and FastAPI integrations."""

from sentry_sdk.integrations.fastapi import FastApiIntegration
from sentry_sdk.integrations.starlette import StarletteIntegration

from shared.utils.sentry import SentrySettings, init_sentry


def init_http_sentry(settings: SentrySettings, *, service_name: str, service_version: str) -> bool:
    """Start Sentry with the FastAPI integration when ``settings.sentry_dsn`` is set; returns whether it did."""
    return init_sentry(
        settings,
        service_name=service_name,
        service_version=service_version,
        integrations=[StarletteIntegration(), FastApiIntegration()],
    )

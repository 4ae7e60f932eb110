"""Sentry error reporting: every service starts it with :func:`init_sentry` when ``SENTRY_DSN`` is set.

Unset, nothing is initialised and nothing is sent. Set, errors (and error log records, through Sentry's logging
integration) are reported with the service's name, environment and release; ``SENTRY_TRACES_SAMPLE_RATE`` above 0
also sends that share of performance traces. Events carry the service name and the current request id as tags.
"""

from collections.abc import Callable, Sequence
from typing import Protocol

import sentry_sdk
from sentry_sdk.integrations import Integration
from sentry_sdk.types import Event, Hint

from shared.utils.request_id import get_request_id


class SentrySettings(Protocol):
    """The settings every service has for Sentry."""

    @property
    def sentry_dsn(self) -> str | None: ...

    @property
    def sentry_environment(self) -> str: ...

    @property
    def sentry_traces_sample_rate(self) -> float: ...


def event_tagger(service_name: str) -> Callable[[Event, Hint], Event | None]:
    """A ``before_send`` hook adding the ``service`` and ``request_id`` tags to every event."""

    def tag(event: Event, hint: Hint) -> Event | None:
        tags = dict(event.get("tags") or {})
        tags["service"] = service_name
        request_id = get_request_id()
        if request_id is not None:
            tags["request_id"] = request_id
        event["tags"] = tags
        return event

    return tag


def init_sentry(
    settings: SentrySettings,
    *,
    service_name: str,
    service_version: str,
    integrations: Sequence[Integration] = (),
) -> bool:
    """Start Sentry when ``settings.sentry_dsn`` is set; returns whether it did (no personal data: Sentry's default)."""
    if not settings.sentry_dsn:
        return False
    tagger = event_tagger(service_name)
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.sentry_environment,
        release=f"{service_name}@{service_version}",
        traces_sample_rate=settings.sentry_traces_sample_rate,
        integrations=list(integrations),
        before_send=tagger,
        before_send_transaction=tagger,
    )
    return True

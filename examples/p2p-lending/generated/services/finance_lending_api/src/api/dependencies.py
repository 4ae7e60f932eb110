"""FastAPI dependencies: the process-wide HTTP clients of the data services and the event publisher."""

from collections.abc import Mapping
from typing import Annotated

import httpx
from fastapi import Depends, Request

from shared.messaging.publisher import EventPublisher


def get_http_clients(request: Request) -> Mapping[str, httpx.AsyncClient]:
    """The data service clients opened (or injected) by the application's lifespan, by service name."""
    http_clients: Mapping[str, httpx.AsyncClient] = request.app.state.http_clients
    return http_clients


HttpClientsDep = Annotated[Mapping[str, httpx.AsyncClient], Depends(get_http_clients)]


def get_event_publisher(request: Request) -> EventPublisher:
    """The event publisher opened (or injected) by the application's lifespan."""
    publisher: EventPublisher = request.app.state.event_publisher
    return publisher


EventPublisherDep = Annotated[EventPublisher, Depends(get_event_publisher)]

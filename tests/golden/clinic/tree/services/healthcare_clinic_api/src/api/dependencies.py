"""FastAPI dependencies: the process-wide HTTP clients of the data services."""

from collections.abc import Mapping
from typing import Annotated

import httpx
from fastapi import Depends, Request


def get_http_clients(request: Request) -> Mapping[str, httpx.AsyncClient]:
    """The data service clients opened (or injected) by the application's lifespan, by service name."""
    http_clients: Mapping[str, httpx.AsyncClient] = request.app.state.http_clients
    return http_clients


HttpClientsDep = Annotated[Mapping[str, httpx.AsyncClient], Depends(get_http_clients)]

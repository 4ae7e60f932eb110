"""Application factory of healthcare_clinic_api; ``uvicorn src.main:app`` serves ``app``."""

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import AsyncExitStack, asynccontextmanager

import httpx
from fastapi import FastAPI

from shared.utils.logger import configure_logging
from src.api.problems import register_problem_handlers
from src.api.v1.router import api_router
from src.core.config import PROJECT_DESCRIPTION, SERVICE_NAME, SERVICE_VERSION, Settings, get_settings
from src.infrastructure.http_clients.factory import open_http_clients

logger = logging.getLogger(__name__)


def create_app(
    settings: Settings | None = None,
    http_clients: Mapping[str, httpx.AsyncClient] | None = None,
) -> FastAPI:
    """Build the application.

    ``settings`` default to the environment. ``http_clients`` (by data service name) replace the clients the
    lifespan would open, for tests; the caller keeps ownership of them.
    """
    resolved = settings if settings is not None else get_settings()
    configure_logging(SERVICE_NAME, resolved.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if http_clients is None:
                app.state.http_clients = await open_http_clients(resolved, stack)
            else:
                app.state.http_clients = dict(http_clients)
            logger.info("service_started", extra={"version": SERVICE_VERSION})
            yield
        logger.info("service_stopped")

    app = FastAPI(
        title="Healthcare Clinic Api",
        description=PROJECT_DESCRIPTION,
        version=SERVICE_VERSION,
        lifespan=lifespan,
    )
    register_problem_handlers(app)
    app.include_router(api_router)
    return app


app = create_app()

"""``/health`` (liveness) and ``/ready`` (readiness: the database answers)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse

from src.api.dependencies import get_database
from src.api.problems import problem_response
from src.infrastructure.database import Database

router = APIRouter(tags=["health"])


@router.get("/health")
async def health() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/ready", response_model=None)
async def ready(
    request: Request,
    database: Annotated[Database, Depends(get_database)],
) -> dict[str, str] | JSONResponse:
    """The service can serve requests: its database answers; ``503`` problem otherwise."""
    if await database.ping():
        return {"status": "ready"}
    return problem_response(503, "The database is not reachable.", request)

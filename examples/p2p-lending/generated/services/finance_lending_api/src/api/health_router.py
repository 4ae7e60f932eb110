"""``/health`` (liveness) and ``/ready`` (readiness: every data service answers its ``/health``, the
message broker answers)."""

import logging

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.messaging.publisher import RabbitMqEventPublisher
from shared.resilience.circuit_breaker import CircuitOpenError
from src.api.dependencies import EventPublisherDep, HttpClientsDep
from src.api.problems import problem_response

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])


async def is_healthy(http_client: httpx.AsyncClient) -> bool:
    """Whether the service behind ``http_client`` answers ``/health`` with 200."""
    try:
        response = await http_client.get("/health")
    except (httpx.HTTPError, CircuitOpenError) as error:
        logger.warning("readiness_check_failed", extra={"error": repr(error)})
        return False
    return response.status_code == 200


async def redis_answers(redis: Redis) -> bool:
    """Whether the Redis of the accounts and tokens answers ``PING``."""
    try:
        return bool(await redis.ping())
    except (RedisError, OSError) as error:
        logger.warning("readiness_check_failed", extra={"error": repr(error)})
        return False


@router.get("/health")
async def health() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/ready", response_model=None)
async def ready(
    request: Request,
    http_clients: HttpClientsDep,
    publisher: EventPublisherDep,
) -> dict[str, str] | JSONResponse:
    """The service can serve requests: every data service is healthy and the broker answers (when
    RABBITMQ_URL is set); ``503`` problem otherwise."""
    down = sorted([name for name, http_client in http_clients.items() if not await is_healthy(http_client)])
    if down:
        return problem_response(503, f"Data services not reachable: {', '.join(down)}.", request)
    if isinstance(publisher, RabbitMqEventPublisher) and not await publisher.is_ready():
        return problem_response(503, "The message broker (RabbitMQ) is not reachable.", request)
    if not await redis_answers(request.app.state.security.redis):
        return problem_response(503, "Redis (accounts and tokens) is not reachable.", request)
    return {"status": "ready"}

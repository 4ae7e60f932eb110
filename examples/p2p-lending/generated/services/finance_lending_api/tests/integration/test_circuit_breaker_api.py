"""The circuit breaker seen by a client of this service: a data service failing again and again makes its routes
answer 503 problem+json with ``Retry-After`` at once, without calling it, while the other data services are unaffected.
"""

from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import httpx
import pytest

from shared.resilience.circuit_breaker import CircuitBreakers, CircuitState
from src.core.config import Settings
from src.infrastructure.http_clients.factory import build_http_client
from src.main import create_app
from tests.helpers import AUTH_HEADERS, assert_problem

THRESHOLD = 2
COOL_DOWN_SECONDS = 60
DATA_SERVICE_NAMES = [
    "finance_lending_data_postgres",
    "finance_audit_data_mongo",
]
ENTITY_ROUTES = [
    (
        "finance_lending_data_postgres",
        "/api/v1/borrowers",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/lenders",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/loan-applications",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/investments",
    ),
    (
        "finance_lending_data_postgres",
        "/api/v1/repayments",
    ),
    (
        "finance_audit_data_mongo",
        "/api/v1/credit-score-records",
    ),
    (
        "finance_audit_data_mongo",
        "/api/v1/audit-log-entries",
    ),
]


class FailingDataServices:
    """Every data service answers 500; ``requests`` counts what reached each one."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()

    def transport(self, name: str) -> httpx.MockTransport:
        def fail(request: httpx.Request) -> httpx.Response:
            self.requests[name] += 1
            return httpx.Response(500, json={"detail": "boom"})

        return httpx.MockTransport(fail)


@pytest.fixture
def failing() -> FailingDataServices:
    return FailingDataServices()


@pytest.fixture
async def breakers_and_client(failing: FailingDataServices) -> AsyncIterator[tuple[CircuitBreakers, httpx.AsyncClient]]:
    """This service with its data service clients built as in production (one breaker each) over failing transports."""
    settings = Settings(
        circuit_breaker_failure_threshold=THRESHOLD,
        circuit_breaker_reset_timeout_seconds=COOL_DOWN_SECONDS,
    )
    http_clients: dict[str, httpx.AsyncClient] = {}
    application = create_app(settings, http_clients=http_clients)
    breakers: CircuitBreakers = application.state.circuit_breakers
    async with AsyncExitStack() as stack:
        for name in DATA_SERVICE_NAMES:
            http_clients[name] = await stack.enter_async_context(
                build_http_client(
                    f"http://{name}",
                    1.0,
                    breaker=breakers.get(name),
                    transport=failing.transport(name),
                ),
            )
        await stack.enter_async_context(application.router.lifespan_context(application))
        transport = httpx.ASGITransport(app=application)
        client = httpx.AsyncClient(
            transport=transport,
            base_url="http://test",
            headers=AUTH_HEADERS,
        )
        await stack.enter_async_context(client)
        yield breakers, client


async def test_an_open_circuit_answers_503_with_retry_after_without_calling_the_data_service(
    breakers_and_client: tuple[CircuitBreakers, httpx.AsyncClient],
    failing: FailingDataServices,
) -> None:
    breakers, client = breakers_and_client
    for data_service, path in ENTITY_ROUTES:
        for _ in range(THRESHOLD):
            if breakers.get(data_service).state is CircuitState.CLOSED:
                assert_problem(await client.get(path), 502)
        assert breakers.get(data_service).state is CircuitState.OPEN
        reached = failing.requests[data_service]

        response = await client.get(path)

        body = assert_problem(response, 503)
        assert data_service in body["detail"]
        assert response.headers["retry-after"] == str(COOL_DOWN_SECONDS)
        assert failing.requests[data_service] == reached
    assert failing.requests == Counter(dict.fromkeys(DATA_SERVICE_NAMES, THRESHOLD))

    ready = await client.get("/ready")

    assert ready.status_code == 503, "an open circuit makes the service not ready, without calling the data service"
    assert failing.requests == Counter(dict.fromkeys(DATA_SERVICE_NAMES, THRESHOLD))

    metrics = (await client.get("/metrics")).text
    for name in DATA_SERVICE_NAMES:
        assert 'circuit_breaker_state{target="' + name + '"} 1.0' in metrics

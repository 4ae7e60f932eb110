"""The circuit breaker on the calls to a data service: it opens after consecutive failures, fails fast while open
(no request reaches the service), lets one trial call through after the cool-down, and ignores client errors.
"""

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
from prometheus_client import CollectorRegistry

from shared.resilience.circuit_breaker import (
    CircuitBreaker,
    CircuitBreakerMetrics,
    CircuitBreakers,
    CircuitOpenError,
    CircuitState,
    retry_after_header,
)
from src.domain.errors import DataServiceCircuitOpenError, DataServiceError, DomainError, NotFoundError
from src.infrastructure.http_clients.base_client import DataServiceClient
from src.infrastructure.http_clients.factory import build_http_client

THRESHOLD = 3
COOL_DOWN = 30.0


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class DataServiceDouble:
    """The data service behind an ``httpx.MockTransport``: answers ``status`` and counts the requests it gets."""

    def __init__(self) -> None:
        self.status = 200
        self.failure: httpx.TransportError | None = None
        self.requests = 0
        self.gate: asyncio.Event | None = None
        self.arrived = asyncio.Event()

    async def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        self.arrived.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.failure is not None:
            raise self.failure
        return httpx.Response(self.status, json={"detail": "from the double"})


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def breaker(clock: FakeClock) -> CircuitBreaker:
    return CircuitBreaker("data", failure_threshold=THRESHOLD, reset_timeout_seconds=COOL_DOWN, clock=clock)


@pytest.fixture
def server() -> DataServiceDouble:
    return DataServiceDouble()


@pytest.fixture
async def data(breaker: CircuitBreaker, server: DataServiceDouble) -> AsyncIterator[DataServiceClient]:
    """The business API's client of the data service, built as the application builds it, under ``breaker``."""
    transport = httpx.MockTransport(server.handle)
    async with build_http_client("http://data", 1.0, breaker=breaker, transport=transport) as http_client:
        yield DataServiceClient(http_client, "data")


def state(breaker: CircuitBreaker) -> CircuitState:
    """The breaker's state, read afresh (mypy would keep an earlier assertion's narrowing of the property)."""
    return breaker.state


async def _call(data: DataServiceClient) -> DomainError | None:
    try:
        await data.request("GET", "/api/v1/things")
    except DomainError as error:
        return error
    return None


async def _open(data: DataServiceClient, server: DataServiceDouble) -> None:
    server.status = 500
    for _ in range(THRESHOLD):
        assert isinstance(await _call(data), DataServiceError)


async def test_opens_after_threshold_consecutive_failures_and_then_fails_fast(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker
) -> None:
    server.status = 500
    for _ in range(THRESHOLD - 1):
        await _call(data)
    assert state(breaker) is CircuitState.CLOSED

    await _call(data)
    assert state(breaker) is CircuitState.OPEN
    assert server.requests == THRESHOLD

    for _ in range(5):
        error = await _call(data)
        assert isinstance(error, DataServiceCircuitOpenError)
        assert 0 < error.retry_after_seconds <= COOL_DOWN
    assert server.requests == THRESHOLD, "an open circuit must not let any request reach the data service"


@pytest.mark.parametrize("failure", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
async def test_connection_errors_and_timeouts_count_as_failures(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker, failure: httpx.TransportError
) -> None:
    server.failure = failure
    for _ in range(THRESHOLD):
        await _call(data)

    assert state(breaker) is CircuitState.OPEN
    assert isinstance(await _call(data), DataServiceCircuitOpenError)
    assert server.requests == THRESHOLD


async def test_client_errors_do_not_count(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker
) -> None:
    server.status = 404
    for _ in range(THRESHOLD * 2):
        assert isinstance(await _call(data), NotFoundError)

    assert state(breaker) is CircuitState.CLOSED
    assert breaker.consecutive_failures == 0
    assert server.requests == THRESHOLD * 2


async def test_a_success_resets_the_count_of_failures(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker
) -> None:
    server.status = 503
    for _ in range(THRESHOLD - 1):
        await _call(data)
    server.status = 200
    assert await _call(data) is None
    server.status = 503
    for _ in range(THRESHOLD - 1):
        await _call(data)

    assert state(breaker) is CircuitState.CLOSED


async def test_after_the_cool_down_a_successful_trial_closes_the_circuit(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker, clock: FakeClock
) -> None:
    await _open(data, server)
    clock.advance(COOL_DOWN - 1)
    assert isinstance(await _call(data), DataServiceCircuitOpenError)
    clock.advance(1)
    assert state(breaker) is CircuitState.HALF_OPEN

    server.status = 200
    assert await _call(data) is None

    assert state(breaker) is CircuitState.CLOSED
    assert server.requests == THRESHOLD + 1
    assert await _call(data) is None


async def test_a_failed_trial_opens_the_circuit_for_another_cool_down(
    data: DataServiceClient, server: DataServiceDouble, breaker: CircuitBreaker, clock: FakeClock
) -> None:
    await _open(data, server)
    clock.advance(COOL_DOWN)

    assert isinstance(await _call(data), DataServiceError)

    assert state(breaker) is CircuitState.OPEN
    assert breaker.retry_after_seconds() == COOL_DOWN
    assert isinstance(await _call(data), DataServiceCircuitOpenError)
    assert server.requests == THRESHOLD + 1


async def test_half_open_lets_a_single_trial_through(
    data: DataServiceClient, server: DataServiceDouble, clock: FakeClock
) -> None:
    await _open(data, server)
    clock.advance(COOL_DOWN)
    server.status = 200
    server.gate = asyncio.Event()
    server.arrived.clear()

    trial = asyncio.create_task(_call(data))
    await server.arrived.wait()
    concurrent = await _call(data)
    server.gate.set()

    assert isinstance(concurrent, DataServiceCircuitOpenError)
    assert await trial is None
    assert server.requests == THRESHOLD + 1


async def test_a_cancelled_trial_lets_the_next_call_try(breaker: CircuitBreaker, clock: FakeClock) -> None:
    for _ in range(THRESHOLD):
        breaker.record_failure()
    clock.advance(COOL_DOWN)
    breaker.before_call()
    with pytest.raises(CircuitOpenError):
        breaker.before_call()

    breaker.release()

    breaker.before_call()
    breaker.record_success()
    assert state(breaker) is CircuitState.CLOSED


def test_breakers_are_per_target_and_report_every_change(clock: FakeClock) -> None:
    changes: list[tuple[str, CircuitState, CircuitState]] = []
    breakers = CircuitBreakers(failure_threshold=1, reset_timeout_seconds=COOL_DOWN, clock=clock)
    breakers.listen(lambda target, previous, new: changes.append((target, previous, new)))

    breakers.get("orders").record_failure()
    clock.advance(COOL_DOWN)
    breakers.get("orders").before_call()
    breakers.get("orders").record_success()

    assert breakers.get("orders") is breakers.get("orders")
    assert breakers.states() == {"orders": CircuitState.CLOSED}
    assert state(breakers.get("stock")) is CircuitState.CLOSED
    assert changes == [
        ("orders", CircuitState.CLOSED, CircuitState.OPEN),
        ("orders", CircuitState.OPEN, CircuitState.HALF_OPEN),
        ("orders", CircuitState.HALF_OPEN, CircuitState.CLOSED),
    ]


@pytest.mark.parametrize(("seconds", "header"), [(0.0, "1"), (0.2, "1"), (29.1, "30"), (30.0, "30")])
def test_retry_after_is_whole_seconds_and_at_least_one(seconds: float, header: str) -> None:
    assert retry_after_header(seconds) == header


def test_state_changes_are_metrics(clock: FakeClock) -> None:
    registry = CollectorRegistry()
    breakers = CircuitBreakers(failure_threshold=1, reset_timeout_seconds=COOL_DOWN, clock=clock)
    breakers.listen(CircuitBreakerMetrics(registry).record)

    breakers.get("orders").record_failure()

    assert registry.get_sample_value("circuit_breaker_state", {"target": "orders"}) == 1
    transition = {"target": "orders", "from_state": "closed", "to_state": "open"}
    assert registry.get_sample_value("circuit_breaker_transitions_total", transition) == 1

    clock.advance(COOL_DOWN)
    breakers.get("orders").before_call()
    breakers.get("orders").record_success()

    assert registry.get_sample_value("circuit_breaker_state", {"target": "orders"}) == 0

"""A circuit breaker per target service, so a failing dependency is not called again and again.

*closed*: calls go through; ``failure_threshold`` consecutive failures (5xx answers, timeouts, connection errors;
never a 4xx, which is the caller's fault) open the circuit. *open*: calls fail fast with :class:`CircuitOpenError`
for ``reset_timeout_seconds``, without reaching the service. *half-open*: after the cool-down one trial call goes
through (the others still fail fast); its success closes the circuit, its failure opens it again for another
cool-down. The clock is injectable, so tests move time instead of sleeping.

:class:`CircuitBreakerTransport` applies a breaker to every request of an ``httpx.AsyncClient``.
"""

import logging
import math
import time
from collections.abc import Callable
from enum import StrEnum

import httpx
from prometheus_client import CollectorRegistry, Counter, Gauge

logger = logging.getLogger(__name__)

Clock = Callable[[], float]


class CircuitState(StrEnum):
    """The state of a circuit."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


StateListener = Callable[[str, CircuitState, CircuitState], None]
"""Called with the target name, the previous state and the new state on every change."""


class CircuitOpenError(Exception):
    """The circuit of ``target`` is open: the call was not attempted; try again in ``retry_after_seconds``."""

    def __init__(self, target: str, retry_after_seconds: float) -> None:
        super().__init__(f"The circuit of {target} is open; retry in {retry_after_seconds:.1f} s.")
        self.target = target
        self.retry_after_seconds = retry_after_seconds


class CircuitBreaker:
    """The circuit of one target service; its methods are called from one event loop."""

    def __init__(
        self,
        target: str,
        *,
        failure_threshold: int = 5,
        reset_timeout_seconds: float = 30.0,
        clock: Clock = time.monotonic,
        listener: StateListener | None = None,
    ) -> None:
        self.target = target
        self.failure_threshold = max(1, failure_threshold)
        self.reset_timeout_seconds = reset_timeout_seconds
        self._clock = clock
        self._listener = listener
        self._state = CircuitState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._trial_in_flight = False

    @property
    def state(self) -> CircuitState:
        """The current state (an open circuit whose cool-down is over reports ``half_open``)."""
        if self._state is CircuitState.OPEN and self._cool_down_over():
            return CircuitState.HALF_OPEN
        return self._state

    @property
    def consecutive_failures(self) -> int:
        """Failures since the last success."""
        return self._failures

    def retry_after_seconds(self) -> float:
        """Seconds until the open circuit lets a trial call through (0 when it would now)."""
        if self._state is not CircuitState.OPEN:
            return 0.0
        return max(0.0, self._opened_at + self.reset_timeout_seconds - self._clock())

    def before_call(self) -> None:
        """Let a call through or raise :class:`CircuitOpenError`; after the cool-down, admit one trial call."""
        if self._state is CircuitState.CLOSED:
            return
        if self._state is CircuitState.OPEN:
            if not self._cool_down_over():
                raise CircuitOpenError(self.target, self.retry_after_seconds())
            self._change(CircuitState.HALF_OPEN)
        if self._trial_in_flight:
            raise CircuitOpenError(self.target, self.reset_timeout_seconds)
        self._trial_in_flight = True

    def record_success(self) -> None:
        """The call got an answer that is not a server error: close the circuit."""
        self._failures = 0
        self._trial_in_flight = False
        if self._state is not CircuitState.CLOSED:
            self._change(CircuitState.CLOSED)

    def record_failure(self) -> None:
        """The call failed (server error, timeout, connection error): open when the threshold is reached."""
        self._failures += 1
        self._trial_in_flight = False
        if self._state is CircuitState.HALF_OPEN or self._failures >= self.failure_threshold:
            self._opened_at = self._clock()
            if self._state is not CircuitState.OPEN:
                self._change(CircuitState.OPEN)

    def release(self) -> None:
        """The call ended without an outcome (cancelled): a half-open circuit admits a new trial."""
        self._trial_in_flight = False

    def _cool_down_over(self) -> bool:
        return self._clock() - self._opened_at >= self.reset_timeout_seconds

    def _change(self, new_state: CircuitState) -> None:
        previous, self._state = self._state, new_state
        log = logger.warning if new_state is CircuitState.OPEN else logger.info
        log("circuit_state_changed", extra={"target": self.target, "from": previous.value, "to": new_state.value})
        if self._listener is not None:
            self._listener(self.target, previous, new_state)


class CircuitBreakers:
    """One :class:`CircuitBreaker` per target service, created on first use with the same settings."""

    def __init__(
        self,
        *,
        failure_threshold: int = 5,
        reset_timeout_seconds: float = 30.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self._failure_threshold = failure_threshold
        self._reset_timeout_seconds = reset_timeout_seconds
        self._clock = clock
        self._listeners: list[StateListener] = []
        self._breakers: dict[str, CircuitBreaker] = {}

    def listen(self, listener: StateListener) -> None:
        """Call ``listener`` on every state change of every breaker (metrics, alerts)."""
        self._listeners.append(listener)

    def _notify(self, target: str, previous: CircuitState, new_state: CircuitState) -> None:
        for listener in self._listeners:
            listener(target, previous, new_state)

    def get(self, target: str) -> CircuitBreaker:
        """The breaker of ``target``."""
        breaker = self._breakers.get(target)
        if breaker is None:
            breaker = CircuitBreaker(
                target,
                failure_threshold=self._failure_threshold,
                reset_timeout_seconds=self._reset_timeout_seconds,
                clock=self._clock,
                listener=self._notify,
            )
            self._breakers[target] = breaker
        return breaker

    def states(self) -> dict[str, CircuitState]:
        """The state of every breaker created so far, by target."""
        return {target: breaker.state for target, breaker in self._breakers.items()}


class CircuitBreakerTransport(httpx.AsyncBaseTransport):
    """An ``httpx`` transport sending through ``transport`` under ``breaker``; an open circuit raises
    :class:`CircuitOpenError` before any request is sent.
    """

    def __init__(self, transport: httpx.AsyncBaseTransport, breaker: CircuitBreaker) -> None:
        self._transport = transport
        self.breaker = breaker

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.breaker.before_call()
        try:
            response = await self._transport.handle_async_request(request)
        except httpx.TransportError:
            self.breaker.record_failure()
            raise
        except BaseException:
            self.breaker.release()
            raise
        if response.status_code >= 500:
            self.breaker.record_failure()
        else:
            self.breaker.record_success()
        return response

    async def aclose(self) -> None:
        await self._transport.aclose()


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` value (whole seconds, at least 1) for a wait of ``seconds``."""
    return str(max(1, math.ceil(seconds)))


STATE_VALUES = {CircuitState.CLOSED: 0, CircuitState.OPEN: 1, CircuitState.HALF_OPEN: 2}


class CircuitBreakerMetrics:
    """Prometheus metrics of the breakers: the state per target and a counter of state changes."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.state = Gauge(
            "circuit_breaker_state",
            "State of the circuit per target service: 0 closed, 1 open, 2 half-open.",
            ["target"],
            registry=registry,
        )
        self.transitions = Counter(
            "circuit_breaker_transitions",
            "Changes of circuit state per target service.",
            ["target", "from_state", "to_state"],
            registry=registry,
        )

    def record(self, target: str, previous: CircuitState, new_state: CircuitState) -> None:
        """A :data:`StateListener` recording one change."""
        self.state.labels(target=target).set(STATE_VALUES[new_state])
        self.transitions.labels(target=target, from_state=previous.value, to_state=new_state.value).inc()

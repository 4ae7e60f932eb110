"""Errors of the business API; the HTTP layer turns them into problem responses."""

from typing import Any


class DomainError(Exception):
    """Base class of the expected errors; ``detail`` is safe to show to a client."""

    def __init__(self, detail: str, errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors


class NotFoundError(DomainError):
    """The requested resource does not exist."""


class ConflictError(DomainError):
    """The change conflicts with the stored data (duplicate unique value, missing or still referenced parent)."""


class ValidationFailedError(DomainError):
    """The request values are not acceptable; ``errors`` lists them when known."""


class BusinessRuleViolationError(DomainError):
    """A business rule of ``src/domain/rules`` refuses the change (409): the stored data forbids it, e.g. a double
    booking or one loan too many. A value that no stored data could make acceptable is a
    :class:`ValidationFailedError` (422) instead.
    """


class DataServiceUnavailableError(DomainError):
    """A data service cannot be reached or is not ready."""


class DataServiceCircuitOpenError(DataServiceUnavailableError):
    """The circuit breaker of a data service is open: the call was not attempted (503 with ``Retry-After``)."""

    def __init__(self, detail: str, retry_after_seconds: float) -> None:
        super().__init__(detail)
        self.retry_after_seconds = retry_after_seconds


class DataServiceError(DomainError):
    """A data service answered with an unexpected error."""


class EventNotPublishedError(DomainError):
    """A change was stored but its event could not be handed to the message broker."""

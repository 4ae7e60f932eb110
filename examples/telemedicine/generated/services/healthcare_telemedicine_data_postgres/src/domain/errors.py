"""Errors raised by the domain and infrastructure layers; the API turns them into problem responses."""


class DomainError(Exception):
    """Base class of the expected errors; ``detail`` is safe to show to a client."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFoundError(DomainError):
    """The requested resource does not exist."""


class ConflictError(DomainError):
    """The change conflicts with the stored data (duplicate unique value, missing or still referenced parent)."""


class InvalidRequestError(DomainError):
    """The request is well formed but its values are not acceptable (unknown sort key, null required field)."""

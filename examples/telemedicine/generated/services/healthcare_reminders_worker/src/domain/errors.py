"""Errors of the worker: they decide what happens to a message.

- :class:`RecoverableError`: temporary (the API is down, a timeout); the message is retried with backoff.
- :class:`FatalError`: retrying cannot help (invalid message, the entity is gone); the message is dead-lettered.
Any other exception is treated as fatal: the message goes to the dead-letter queue for a person to look at.
"""


class WorkerError(Exception):
    """Base class of the expected errors."""


class RecoverableError(WorkerError):
    """Temporary failure: the message is retried later."""


class FatalError(WorkerError):
    """Permanent failure: the message goes to the dead-letter queue."""


class ApiUnavailableError(RecoverableError):
    """The business API cannot be reached, timed out or answered 5xx, 408 or 429."""


class ApiRejectedError(FatalError):
    """The business API refused the call (4xx)."""


class EntityNotFoundError(ApiRejectedError):
    """The business API answered 404: the entity does not exist (any more)."""


class InvalidMessageError(FatalError):
    """The message is not a valid event of its queue."""

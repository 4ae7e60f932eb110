"""The envelope every event travels in: identity, name, schema version, time, request id and payload."""

from datetime import UTC, datetime
from typing import ClassVar, Generic, TypeVar
from uuid import UUID, uuid4

from pydantic import BaseModel, ConfigDict, Field

PayloadT = TypeVar("PayloadT", bound=BaseModel)


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class EventEnvelope(BaseModel, Generic[PayloadT]):
    """One event. ``event_id`` is also the AMQP ``message_id``: consumers deduplicate on it.

    Subclasses fix ``EVENT_NAME``, ``ROUTING_KEY``, ``SCHEMA_VERSION`` and ``PRIORITY`` (0-10, higher first).
    """

    model_config = ConfigDict(frozen=True)

    EVENT_NAME: ClassVar[str]
    ROUTING_KEY: ClassVar[str]
    SCHEMA_VERSION: ClassVar[int]
    PRIORITY: ClassVar[int]

    event_id: UUID = Field(default_factory=uuid4, description="Unique id of this event, reused on redelivery.")
    event_name: str = Field(description="Name of the event, e.g. the class name without the Event suffix.")
    schema_version: int = Field(ge=1, description="Version of the payload schema.")
    occurred_at: datetime = Field(default_factory=utc_now, description="When the change happened (UTC).")
    request_id: str | None = Field(default=None, description="X-Request-ID of the request that caused it.")
    payload: PayloadT

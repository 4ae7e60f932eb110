"""Request and response bodies of the aggregation endpoints (the CRUD bodies are the shared contracts)."""

from typing import Any

from pydantic import BaseModel, Field

from src.domain.aggregation import MAX_RESULTS, MAX_STAGES


class AggregateRequest(BaseModel):
    """A read-only aggregation pipeline; values may use MongoDB Extended JSON (``{"$date": "..."}``)."""

    pipeline: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_STAGES)


class AggregateResult(BaseModel):
    """The documents the pipeline produced (at most ``MAX_RESULTS``), ids and UUIDs as strings."""

    items: list[dict[str, Any]] = Field(max_length=MAX_RESULTS)

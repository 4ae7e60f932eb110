"""What a job learnt and did, logged as one structured line."""

from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from pydantic import BaseModel


@dataclass
class Facts:
    """Values collected while a job runs: the fields of every entity read so far and ``<entity>_id`` links."""

    values: dict[str, Any] = field(default_factory=dict)

    def remember(self, name: str, entity: BaseModel) -> None:
        """Add the fields of ``entity`` and its id as ``<name>_id``; a relation ``<other>_id`` becomes a link."""
        dumped = entity.model_dump()
        self.values.update(dumped)
        self.values[f"{name}_id"] = dumped.get("id")

    def linked_id(self, name: str) -> UUID | None:
        """The id of the ``name`` entity the facts point at, if any."""
        value = self.values.get(f"{name}_id")
        return value if isinstance(value, UUID) else None


@dataclass
class JobOutcome:
    """The result of one run of a job: what it read, counted and could not find, and what it left alone."""

    job: str
    facts: Facts = field(default_factory=Facts)
    fetched: list[str] = field(default_factory=list)
    counted: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    not_performed: list[str] = field(default_factory=list)

    def as_log(self) -> dict[str, Any]:
        """Fields of the ``job_completed`` log line."""
        return {
            "job": self.job,
            "fetched": self.fetched,
            "counted": self.counted,
            "missing": self.missing,
            "not_performed": self.not_performed,
        }

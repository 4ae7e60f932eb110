"""Contracts of the audit log entry entity: the schemas both services exchange over HTTP."""

# Implements: FR-007
from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import Field

from shared.contracts.base import ContractModel


class AuditLogEntryCreate(ContractModel):
    """Payload that creates one audit log entry."""

    # fmt: off
    actor: str = Field(max_length=200)
    action: str = Field(max_length=100)
    subject_ref: UUID | None = None
    details: dict[str, Any] | None = None
    # fmt: on


class AuditLogEntryUpdate(ContractModel):
    """Partial update of one audit log entry: only the fields that are sent change."""

    # fmt: off
    actor: str | None = Field(default=None, max_length=200)
    action: str | None = Field(default=None, max_length=100)
    subject_ref: UUID | None = None
    details: dict[str, Any] | None = None
    # fmt: on


class AuditLogEntryPublic(ContractModel):
    """One audit log entry as the API returns it."""

    id: UUID = Field(description="Unique identifier of the audit log entry.")
    actor: str
    action: str
    subject_ref: UUID | None
    details: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime


class AuditLogEntryFilter(ContractModel):
    """Equality filters accepted when listing audit log entries; unset filters are ignored."""

    # fmt: off
    actor: str | None = None
    action: str | None = None
    subject_ref: UUID | None = None
    # fmt: on


AUDIT_LOG_ENTRY_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "actor",
        "action",
        "subject_ref",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""

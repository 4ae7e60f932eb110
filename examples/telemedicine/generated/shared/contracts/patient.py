"""Contracts of the patient entity: the schemas both services exchange over HTTP."""

# Implements: FR-001
from datetime import date, datetime
from uuid import UUID

from pydantic import EmailStr, Field

from shared.contracts.base import ContractModel


class PatientCreate(ContractModel):
    """Payload that creates one patient."""

    # fmt: off
    full_name: str = Field(max_length=200)
    email: EmailStr
    phone: str | None = Field(default=None, max_length=32)
    birth_date: date | None = None
    telegram_chat_id: str | None = Field(default=None, max_length=64)
    # fmt: on


class PatientUpdate(ContractModel):
    """Partial update of one patient: only the fields that are sent change."""

    # fmt: off
    full_name: str | None = Field(default=None, max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(default=None, max_length=32)
    birth_date: date | None = None
    telegram_chat_id: str | None = Field(default=None, max_length=64)
    # fmt: on


class PatientPublic(ContractModel):
    """One patient as the API returns it."""

    id: UUID = Field(description="Unique identifier of the patient.")
    full_name: str
    email: EmailStr
    phone: str | None
    birth_date: date | None
    telegram_chat_id: str | None
    created_at: datetime
    updated_at: datetime


class PatientFilter(ContractModel):
    """Equality filters accepted when listing patients; unset filters are ignored."""

    # fmt: off
    full_name: str | None = None
    email: EmailStr | None = None
    phone: str | None = None
    birth_date: date | None = None
    telegram_chat_id: str | None = None
    # fmt: on


PATIENT_SORT_KEYS: frozenset[str] = frozenset(
    {
        "created_at",
        "full_name",
        "email",
        "phone",
        "birth_date",
        "telegram_chat_id",
    }
)
"""Keys accepted by the ``sort`` parameter of the list endpoint (prefix ``-`` for descending order)."""

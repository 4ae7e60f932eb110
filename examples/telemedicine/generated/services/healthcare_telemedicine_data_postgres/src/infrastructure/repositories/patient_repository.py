"""Repository of the patient entity."""

# Implements: FR-001
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.patient import (
    Patient,
)
from src.infrastructure.repositories.base import SqlRepository


class PatientRepository(SqlRepository[Patient]):
    """Rows of the ``patients`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Patient, "patient")

"""Repository of the medical record entity."""

# Implements: FR-004
from sqlalchemy.ext.asyncio import AsyncSession

from src.infrastructure.models.medical_record import (
    MedicalRecord,
)
from src.infrastructure.repositories.base import SqlRepository


class MedicalRecordRepository(SqlRepository[MedicalRecord]):
    """Rows of the ``medical_records`` table."""

    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, MedicalRecord, "medical record")
